package com.oktoslack.slack;

import com.oktoslack.testing.FakeOktopost;
import com.oktoslack.testing.FakeSlack;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With SLACK_APP_TOKEN set, a slash command arriving over a Socket Mode connection is answered on it. */
class SocketModeTest {

    @Test
    void slashCommandOverSocketModeIsAcknowledgedWithTheAnswer() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        String envelope = """
                {"envelope_id":"env-1","type":"slash_commands","accepts_response_payload":true,
                 "payload":{"token":"x","team_id":"T0TEST","team_domain":"acme","channel_id":"C1","channel_name":"general",
                 "user_id":"U1","user_name":"u1","command":"/okto","text":"help","api_app_id":"A0TEST",
                 "response_url":"http://127.0.0.1:9/r","trigger_id":"t1"}}""";
        WebSocketServer socket = new WebSocketServer(new InetSocketAddress("127.0.0.1", 0)) {
            @Override
            public void onOpen(WebSocket conn, ClientHandshake handshake) {
                conn.send("{\"type\":\"hello\",\"num_connections\":1,\"connection_info\":{\"app_id\":\"A0TEST\"}}");
                conn.send(envelope);
            }

            @Override
            public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            }

            @Override
            public void onMessage(WebSocket conn, String message) {
                received.add(message);
            }

            @Override
            public void onError(WebSocket conn, Exception ex) {
            }

            @Override
            public void onStart() {
                started.countDown();
            }
        };
        socket.start();
        assertTrue(started.await(10, TimeUnit.SECONDS));
        try (FakeOktopost oktopost = FakeOktopost.start(); FakeSlack slack = FakeSlack.start()) {
            slack.on("apps.connections.open", call -> Map.of("ok", true, "url", "ws://127.0.0.1:" + socket.getPort() + "/"));
            Map<String, Object> properties = Map.of(
                    "oktopost.base-url", oktopost.baseUrl(),
                    "slack.api-url", slack.apiUrl(),
                    "slack.app-token", "xapp-1-test",
                    "datasources.default.url", "jdbc:sqlite:target/test-db/socket-" + UUID.randomUUID() + ".db");
            try (EmbeddedServer ignored = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
                FakeSlack.Call open = slack.await("apps.connections.open");
                assertEquals("Bearer xapp-1-test", open.authorization());

                Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
                while (received.stream().noneMatch(m -> m.contains("env-1")) && Instant.now().isBefore(deadline)) {
                    Thread.sleep(20);
                }
                String ack = received.stream().filter(m -> m.contains("env-1")).findFirst()
                        .orElseThrow(() -> new AssertionError("no ack over the socket; got " + received));
                assertTrue(ack.contains("/okto link"), ack);
            }
        } finally {
            socket.stop(1000);
        }
    }
}
