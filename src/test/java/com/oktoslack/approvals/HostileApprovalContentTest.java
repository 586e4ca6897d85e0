package com.oktoslack.approvals;

import com.oktoslack.testing.FakeSlack;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Content that tries to ping the channel and disguise a link, through a card's life: posted, approved, answered
 * in its thread, and listed by {@code /okto pending}. Nothing the app sends mentions anyone or links there.
 */
@MicronautTest(transactional = false)
class HostileApprovalContentTest extends ApprovalsTestBase {

    static final String HOSTILE = "<!channel> <https://evil.example|Click to approve> <!here|here> & <!everyone>";

    @Test
    void aHostileItemIsEscapedInEveryMessageAboutIt() {
        String id = world.messageItem(HOSTILE);

        client.newItem(id, world.workflowId);
        FakeSlack.Message card = Cards.await(slack, ApprovalWorld.CHANNEL, id);
        awaitQuiet();
        assertFalse(card.text().contains("<!"), card.text());

        slackRequests().slashCommand(ApprovalWorld.ANN, "pending", slack.responseUrl("hostile-pending"));
        slack.await("response_url", c -> "hostile-pending".equals(c.param("response_id")), Duration.ofSeconds(10));

        client.press(ApprovalWorld.ANN, card, ApprovalCards.APPROVE_ACTION);
        slack.await("chat.update", c -> ApprovalWorld.CHANNEL.equals(c.param("channel")), Duration.ofSeconds(10));
        awaitQuiet();

        assertEquals(List.of(), slack.unescaped());
    }
}
