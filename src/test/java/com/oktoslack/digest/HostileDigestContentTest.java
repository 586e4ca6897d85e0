package com.oktoslack.digest;

import com.oktoslack.testing.FakeSlack;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A digest of hostile content (post text, story title, workflow and board names) mentions no one and links nowhere. */
@MicronautTest(transactional = false)
class HostileDigestContentTest extends DigestTestBase {

    static final String HOSTILE = "<!channel> <https://evil.example|Click to approve> <!here> & co";

    @Test
    void theDigestEscapesEverythingItQuotes() throws Exception {
        clock.at("2024-03-11T06:00:00Z");
        linkedApprover(ALICE, "Alice Approver", "alice@example.com");
        String workflow = id(oktopost.addWorkflow(HOSTILE, HOSTILE));
        waitingItem(workflow, oktopost.stepId(workflow, 0), HOSTILE, Instant.parse("2024-03-10T06:00:00Z"));
        post("LinkedIn", HOSTILE, Instant.parse("2024-03-11T15:00:00Z"), "scheduled");
        story(id(oktopost.addBoard(HOSTILE)), HOSTILE, Instant.parse("2024-03-11T05:00:00Z"));

        command(ALICE, "digest now");

        FakeSlack.Call posted = slack.await("chat.postMessage", c -> CHANNEL.equals(c.param("channel")), Duration.ofSeconds(10));
        assertTrue(blockText(posted).contains("&lt;!channel&gt;"), blockText(posted));
        assertFalse(posted.param("text").contains("<!"), posted.param("text"));
        assertEquals(List.of(), slack.unescaped());
    }
}
