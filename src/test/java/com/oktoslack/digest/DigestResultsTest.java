package com.oktoslack.digest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The channel digest tells why posts failed, in Oktopost's words, and yesterday's top posts in its own zone. */
@MicronautTest(transactional = false)
class DigestResultsTest extends DigestTestBase {

    @Test
    void failedPostsShowTheirReasonAndYesterdaysBestPostsAreRanked() throws Exception {
        clock.at("2024-03-11T06:00:00Z");
        sent("Top launch post", "2024-03-10T10:00:00Z", 30, 5, 20);
        sent("Second best", "2024-03-10T15:00:00Z", 3, 1, 2);
        sent("Quiet one", "2024-03-10T20:00:00Z", 0, 0, 0);
        sent("Old news", "2024-03-09T12:00:00Z", 100, 100, 100);
        sent("This morning", "2024-03-11T07:00:00Z", 500, 0, 0);
        ObjectNode failed = post("LinkedIn", "Broken one", Instant.parse("2024-03-11T05:00:00Z"), "pending");
        oktopost.failToPublish(id(failed), "Token expired <renew> & retry");
        subscribeChannel(CHANNEL, "09:00", "Europe/Berlin");
        oktopost.reset();

        assertEquals(1, tickAt("2024-03-11T08:00:30Z"));

        String digest = blockText(digestsTo(CHANNEL).get(0));
        assertTrue(digest.contains("failed · “Broken one” · _Token expired &lt;renew&gt; &amp; retry_"), digest);
        assertTrue(digest.contains(":trophy: *Yesterday's top posts*: the best 2 of 3 posts\n"
                + "• LinkedIn · “Top launch post” · 30 clicks · 5 comments · 20 likes\n"
                + "• LinkedIn · “Second best” · 3 clicks · 1 comment · 2 likes"), digest);
        assertFalse(digest.contains("Old news") || digest.contains("This morning"), "only yesterday, in Berlin: " + digest);
        assertEquals(1, oktopost.count("GET", "/postlog"), "the failed post's reason, read once");
    }

    private void sent(String text, String at, int clicks, int comments, int likes) {
        ObjectNode post = post("LinkedIn", text, Instant.parse(at), "complete");
        oktopost.setStats(id(post), clicks, comments, likes, 0, 10);
    }
}
