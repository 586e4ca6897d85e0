package com.oktoslack.digest;

import com.oktoslack.testing.SlackRequests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A signed {@code /okto digest now} sent again as it was (a replay) or as a retry posts one digest. */
@MicronautTest(transactional = false)
class DigestReplayTest extends DigestTestBase {

    @Test
    void aReplayedDigestNowPostsOneDigest() throws Exception {
        linkedApprover(ALICE, "Alice Approver", "alice@example.com");
        SlackRequests.Signed signed = slackRequests().signedSlashCommand(ALICE, "digest now", slack.responseUrl("replay"));

        HttpResponse<String> first = slackRequests().send(signed, Map.of());
        assertTrue(first.body().contains("digest together"), first.body());
        slack.awaitCount("chat.postMessage", 1, Duration.ofSeconds(10));

        HttpResponse<String> replay = slackRequests().send(signed, Map.of());
        HttpResponse<String> retry = slackRequests().send(signed, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));

        assertEquals(200, replay.statusCode());
        assertEquals(200, retry.statusCode());
        // Answered at once without the work: the ack of a digest that was started again would say so.
        assertFalse(replay.body().contains("digest together"), replay.body());
        assertFalse(retry.body().contains("digest together"), retry.body());
        // A fresh request goes through, and its digest is the second one, not the fourth.
        command(ALICE, "digest now");
        slack.awaitCount("chat.postMessage", 2, Duration.ofSeconds(10));
        assertEquals(2, digestsTo(CHANNEL).size(), slack.calls("chat.postMessage").toString());
    }
}
