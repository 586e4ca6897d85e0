package com.oktoslack.approvals;

import com.oktoslack.testing.FakeSlack;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A decision call Oktopost does not answer is tried again by its job, which reads the item first, and finished. */
@MicronautTest(transactional = false)
class DecisionRetryTest extends ApprovalsTestBase {

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(super.extraProperties());
        properties.put("okto.approvals.decision-retry-after", "2s");
        return properties;
    }

    @Test
    void anUnansweredApprovalIsToldAndFinishedLaterAfterReadingTheItemFirst() {
        String id = world.messageItem("Oktopost hiccup");
        client.newItem(id, world.workflowId);
        FakeSlack.Message card = Cards.await(slack, ApprovalWorld.CHANNEL, id);
        awaitQuiet();
        oktopost.reset();
        oktopost.failNext("POST", "/workflow-item/" + id, 503, 1);

        client.press(ApprovalWorld.ANN, card, ApprovalCards.APPROVE_ACTION);

        FakeSlack.Call told = slack.await("response_url", c -> c.param("response_id").startsWith(ApprovalWorld.ANN + "-"),
                Duration.ofSeconds(10));
        assertEquals("Oktopost is not answering right now; I will finish your approval as soon as it does.", told.param("text"));
        client.press(ApprovalWorld.BOB, card, ApprovalCards.APPROVE_ACTION);
        FakeSlack.Call bob = slack.await("response_url", c -> c.param("response_id").startsWith(ApprovalWorld.BOB + "-"),
                Duration.ofSeconds(10));
        assertEquals("<@U0ANN> is deciding on this right now.", bob.param("text"));

        FakeSlack.Message decided = Cards.awaitCard(slack, ApprovalWorld.CHANNEL, id,
                m -> Cards.text(m).contains("Step 1 of 3: Review approved by <@U0ANN>"));
        assertTrue(Cards.text(decided).contains("Waiting at *Step 2 of 3: Manager Confirmation*"), Cards.text(decided));
        awaitQuiet();
        assertEquals(2, oktopost.count("POST", "/workflow-item/" + id), "the refused call and the one that went through");
        assertTrue(oktopost.requests().indexOf(oktopost.last("POST", "/workflow-item/" + id))
                > oktopost.requests().indexOf(oktopost.last("GET", "/workflow-item")), "read before calling again");
        assertEquals(world.manager, oktopost.workflowItem(id).orElseThrow().path("StepId").asText());
        assertEquals(0, count("SELECT COUNT(*) FROM approval_intent WHERE slot = 'live'"));
    }
}
