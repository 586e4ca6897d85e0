package com.oktoslack.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oktoslack.people.DmMode;
import com.oktoslack.people.People;
import com.oktoslack.people.Preferences;
import com.oktoslack.slack.ChannelRoutes;
import com.oktoslack.testing.FakeOktopost;
import com.oktoslack.testing.FakeSlack;
import com.oktoslack.testing.SlackRequests;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The app stops while a burst is under way: events accepted but not handled, cards due, a card that reached
 * Slack without the app recording it. After the restart on the same SQLite file every card is there once.
 */
class ApprovalsRestartTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BEFORE_HANDLING = 10;
    private static final int DURING_POSTING = 30;

    @Test
    void aRestartInTheMiddleOfABurstPostsEveryCardExactlyOnce() throws Exception {
        String database = "jdbc:sqlite:target/test-db/approvals-restart-" + UUID.randomUUID() + ".db";
        try (FakeOktopost oktopost = FakeOktopost.start(); FakeSlack slack = FakeSlack.start()) {
            ApprovalWorld world = new ApprovalWorld(oktopost, slack);
            slack.on("conversations.history", call -> history(slack, call.param("channel")));
            Map<String, Object> properties = new HashMap<>();
            properties.put("oktopost.base-url", oktopost.baseUrl());
            properties.put("slack.api-url", slack.apiUrl());
            properties.put("datasources.default.url", database);
            properties.put("oktopost.webhook-secrets", ApprovalClient.WEBHOOK_SECRET);
            properties.put("okto.approvals.reconcile-delay", "1h");
            List<String> ids = new ArrayList<>();

            // 1: events accepted, the worker never got to them.
            Map<String, Object> stalled = new HashMap<>(properties);
            stalled.put("okto.webhooks.gather-for", "1h");
            stalled.put("okto.webhooks.poll-every", "1h");
            stalled.put("okto.webhooks.gather-at-most", "1h");
            try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, stalled, "test")) {
                People people = first.getApplicationContext().getBean(People.class);
                Preferences preferences = first.getApplicationContext().getBean(Preferences.class);
                for (String user : List.of(ApprovalWorld.ANN, ApprovalWorld.BOB, ApprovalWorld.CAT, ApprovalWorld.DAN)) {
                    people.link(user);
                    // Every item's own DM card is what this test follows through the restarts.
                    preferences.setDmMode(user, DmMode.EACH);
                }
                first.getApplicationContext().getBean(ChannelRoutes.class)
                        .set(ChannelRoutes.workflowKey(world.workflowId), ApprovalWorld.CHANNEL, "Marketing", "U0ADMIN");
                ApprovalClient client = new ApprovalClient(first.getURI(), new SlackRequests(first.getURI()), slack);
                for (int i = 0; i < BEFORE_HANDLING; i++) {
                    String id = world.messageItem("Before handling " + i);
                    ids.add(id);
                    client.newItem(id, world.workflowId);
                }
            }

            // 2: more events, and the app stops while Slack's pace holds most cards back.
            int postedAtStop;
            // Slack's own pace (here 2 posts a second) holds most cards back when the app stops.
            Map<String, Object> paced = new HashMap<>(properties);
            paced.put("slack.pacing-per-minute", "120");
            try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, paced, "test")) {
                ApprovalClient client = new ApprovalClient(second.getURI(), new SlackRequests(second.getURI()), slack);
                for (int i = 0; i < DURING_POSTING; i++) {
                    String id = world.messageItem("During posting " + i);
                    ids.add(id);
                    client.newItem(id, world.workflowId);
                }
                Cards.until("some cards posted", () -> channelPosts(slack) >= 8);
                postedAtStop = (int) channelPosts(slack);
            }
            assertTrue(postedAtStop < ids.size(), "stopped in the middle: " + postedAtStop + " of " + ids.size());

            // A card that reached Slack although the app never recorded it: claimed, posted, then the crash.
            String interrupted = dueChannelCard(database);
            postDirectly(slack, ApprovalWorld.CHANNEL, interrupted);
            markPosting(database, interrupted);

            // 3: after the restart, everything is posted once.
            try (EmbeddedServer third = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
                DataSource dataSource = third.getApplicationContext().getBean(DataSource.class);
                Cards.until("every card posted", () -> count(dataSource, "SELECT COUNT(*) FROM approval_card WHERE status <> 'posted'") == 0
                        && count(dataSource, "SELECT COUNT(*) FROM approval_card") == 3L * ids.size(), 240);
                Cards.awaitCard(slack, ApprovalWorld.CHANNEL, interrupted, m -> Cards.header(m).startsWith(":hourglass"));
            }
            for (String id : ids) {
                assertEquals(1, Cards.posts(slack, ApprovalWorld.CHANNEL, id), "channel card of " + id);
                assertEquals(1, Cards.posts(slack, ApprovalWorld.ANN, id), "Ann's DM of " + id);
                assertEquals(1, Cards.posts(slack, ApprovalWorld.BOB, id), "Bob's DM of " + id);
                assertEquals(0, Cards.posts(slack, ApprovalWorld.CAT, id), "Cat approves a later step");
            }
            assertEquals(ids.size(), oktopost.workflowItems().size());
        }
    }

    private static long channelPosts(FakeSlack slack) {
        return slack.calls("chat.postMessage").stream().filter(c -> ApprovalWorld.CHANNEL.equals(c.param("channel"))).count();
    }

    /** conversations.history as Slack answers it, with the metadata each card was posted with. */
    private static Map<String, Object> history(FakeSlack slack, String channel) {
        List<Map<String, Object>> messages = new ArrayList<>();
        for (FakeSlack.Message m : slack.messages().values()) {
            if (!m.channel().equals(channel) || m.blocks() == null) {
                continue;
            }
            String[] blockId = blockId(m).split(":");
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("type", "message");
            message.put("ts", m.ts());
            message.put("text", m.text());
            message.put("metadata", Map.of("event_type", CardMessages.METADATA_EVENT,
                    "event_payload", Map.of("entity_id", blockId[1], "round", Integer.parseInt(blockId[2]))));
            messages.add(message);
        }
        return Map.of("ok", true, "messages", messages, "has_more", false);
    }

    private static String blockId(FakeSlack.Message message) {
        try {
            JsonNode blocks = JSON.readTree(message.blocks());
            return blocks.get(0).path("block_id").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void postDirectly(FakeSlack slack, String channel, String entityId) throws Exception {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        try (Slack client = Slack.getInstance(config)) {
            String blocks = "[{\"type\":\"section\",\"block_id\":\"approval:" + entityId + ":1:header\","
                    + "\"text\":{\"type\":\"mrkdwn\",\"text\":\"posted before the crash\"}}]";
            assertTrue(client.methods(FakeSlack.BOT_TOKEN).chatPostMessage(r -> r.channel(channel).text("card").blocksAsString(blocks)).isOk());
        }
    }

    private static String dueChannelCard(String database) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(database);
             PreparedStatement s = c.prepareStatement(
                     "SELECT entity_id FROM approval_card WHERE kind = 'channel' AND status = 'due' ORDER BY id DESC LIMIT 1");
             ResultSet r = s.executeQuery()) {
            assertTrue(r.next(), "a channel card still due at the stop");
            return r.getString(1);
        }
    }

    private static void markPosting(String database, String entityId) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(database);
             PreparedStatement s = c.prepareStatement("UPDATE approval_card SET status = 'posting', attempted_at = ?, "
                     + "attempts = attempts + 1 WHERE entity_id = ? AND kind = 'channel'")) {
            s.setLong(1, System.currentTimeMillis());
            s.setString(2, entityId);
            assertEquals(1, s.executeUpdate());
        }
    }

    private static long count(DataSource dataSource, String sql) {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
