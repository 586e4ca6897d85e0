package com.oktoslack.slack;

import com.oktoslack.testing.AppTestBase;
import com.oktoslack.testing.SlackRequests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Slack signs a retried event anew; the app knows it by its event id and does not hand it to Bolt again. */
@MicronautTest(transactional = false)
class RetriedEventTest extends AppTestBase {

    @Test
    void aRetryOfAnEventAlreadyHandledIsAnsweredWithoutHandlingItAgain() {
        long now = Instant.now().getEpochSecond();
        // The first delivery a minute ago; the retry now, so with another timestamp and signature.
        HttpResponse<String> first = slackRequests().send(signedAt(event("Ev1"), now - 60), Map.of());

        HttpResponse<String> retry = slackRequests().send(SlackRequests.sign(event("Ev1"), "application/json"),
                Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));
        HttpResponse<String> other = slackRequests().send(SlackRequests.sign(event("Ev2"), "application/json"),
                Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));

        assertEquals(200, retry.statusCode());
        assertTrue(retry.body().isEmpty(), retry.body());
        // The app listens to no event, so Bolt answers one it is handed with "no handler": a retry never gets there.
        assertNotEquals(200, first.statusCode());
        assertEquals(first.statusCode(), other.statusCode());
    }

    private static SlackRequests.Signed signedAt(String body, long timestamp) {
        return new SlackRequests.Signed(body, "application/json", timestamp,
                SlackRequests.signature(SlackRequests.SIGNING_SECRET, timestamp, body));
    }

    private static String event(String eventId) {
        return "{\"token\":\"x\",\"team_id\":\"T0TEST\",\"api_app_id\":\"A0TEST\",\"type\":\"event_callback\",\"event_id\":\""
                + eventId + "\",\"event_time\":1700000000,\"event\":{\"type\":\"reaction_added\",\"user\":\"U1\","
                + "\"reaction\":\"tada\",\"item\":{\"type\":\"message\",\"channel\":\"C1\",\"ts\":\"1.2\"},\"event_ts\":\"1.3\"}}";
    }
}
