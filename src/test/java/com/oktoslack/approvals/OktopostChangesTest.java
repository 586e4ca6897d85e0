package com.oktoslack.approvals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.testing.FakeSlack;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Decisions and removals made in Oktopost reach the cards. */
@MicronautTest(transactional = false)
class OktopostChangesTest extends ApprovalsTestBase {

    @Inject
    Reconciler reconciler;
    @Inject
    Oktopost api;

    @Test
    void approvalsInOktopostMoveTheCardsOnNotifyTheNextApproversAndFinallyTellTheAuthor() {
        String id = world.messageItem("Decided elsewhere");
        FakeSlack.Message card = newCard(id);

        decideInOktopost(id, world.annId, "approved", world.manager, null, null);
        client.deliver(ApprovalClient.event(ApprovalWebhooks.APPROVED, id, world.workflowId));

        FakeSlack.Message moved = Cards.awaitCard(slack, ApprovalWorld.CHANNEL, id,
                m -> Cards.text(m).contains("Waiting at *Step 2 of 3: Manager Confirmation* for Bob Boss"));
        assertTrue(Cards.text(moved).contains("Step 1 of 3: Review approved by <@U0ANN> in Oktopost"), Cards.text(moved));
        Cards.until("a DM to Bob for step 2", () -> Cards.posts(slack, ApprovalWorld.BOB, id) == 2);
        assertEquals("1", oktopost.last("GET", "/workflow-item").param("withHistory"));

        decideInOktopost(id, world.bobId, "approved", world.legal, null, null);
        client.deliver(ApprovalClient.event(ApprovalWebhooks.APPROVED, id, world.workflowId));
        Cards.await(slack, Cards.dm(ApprovalWorld.CAT), id);
        decideInOktopost(id, world.catId, "approved", world.legal, "approved", "Fine by legal");
        client.deliver(ApprovalClient.event(ApprovalWebhooks.APPROVED, id, world.workflowId));

        FakeSlack.Message done = Cards.awaitCard(slack, ApprovalWorld.CHANNEL, id,
                m -> Cards.header(m).startsWith(":white_check_mark: Approved"));
        assertEquals(List.of(ApprovalCards.OPEN_ACTION), Cards.actionIds(done));
        assertTrue(Cards.text(done).contains("Step 3 of 3: Legal approved by <@U0CAT> in Oktopost"), Cards.text(done));
        assertTrue(Cards.text(done).contains("> Fine by legal"), Cards.text(done));
        FakeSlack.Call reply = slack.await("chat.postMessage", c -> card.ts().equals(c.param("thread_ts")), Duration.ofSeconds(10));
        assertTrue(reply.param("text").startsWith("<@U0DAN> your LinkedIn message was approved by <@U0CAT> in Oktopost"), reply.param("text"));
        assertEquals(0, oktopost.count("POST", "/workflow-item"));
    }

    @Test
    void aRejectionInOktopostShowsWhoAndWhyAndARepeatedWebhookChangesNothing() {
        String id = world.messageItem("Rejected elsewhere");
        newCard(id);

        decideInOktopost(id, world.bobId, "rejected", world.review, "rejected", "Wrong campaign");
        client.deliver(ApprovalClient.event(ApprovalWebhooks.REJECTED, id, world.workflowId));

        FakeSlack.Message rejected = Cards.awaitCard(slack, ApprovalWorld.CHANNEL, id, m -> Cards.header(m).startsWith(":x: Rejected"));
        assertTrue(Cards.text(rejected).contains("Step 1 of 3: Review rejected by <@U0BOB> in Oktopost"), Cards.text(rejected));
        assertTrue(Cards.text(rejected).contains("> Wrong campaign"), Cards.text(rejected));
        assertEquals(List.of(ApprovalCards.OPEN_ACTION), Cards.actionIds(rejected));
        awaitQuiet();
        Cards.until("the author told", () -> slack.calls("chat.postMessage").stream().anyMatch(c -> c.param("thread_ts") != null));
        long updates = Cards.updates(slack, id);
        int calls = oktopost.requests().size();

        client.deliver(ApprovalClient.event(ApprovalWebhooks.REJECTED, id, world.workflowId));
        awaitQuiet();

        assertEquals(updates, Cards.updates(slack, id));
        assertEquals(calls, oktopost.requests().size(), "a settled item is not looked up again");
    }

    @Test
    void reconciliationFindsItemsRemovedFromTheirWorkflowAndCostsOneListCall() {
        String removed = world.messageItem("Taken back");
        String kept = world.messageItem("Still waiting");
        newCard(removed);
        newCard(kept);
        api.removeFromWorkflow(removed);
        oktopost.reset();

        reconciler.reconcile();

        FakeSlack.Message card = Cards.awaitCard(slack, ApprovalWorld.CHANNEL, removed,
                m -> Cards.header(m).startsWith(":wastebasket: Removed from approval"));
        assertEquals(List.of(ApprovalCards.OPEN_ACTION), Cards.actionIds(card));
        Cards.awaitCard(slack, Cards.dm(ApprovalWorld.ANN), removed, m -> Cards.header(m).startsWith(":wastebasket:"));
        assertEquals(1, oktopost.requests().size());
        assertEquals(1, oktopost.count("GET", "/workflow-item"));
        assertTrue(Cards.header(Cards.in(slack, ApprovalWorld.CHANNEL, kept)).startsWith(":hourglass_flowing_sand:"));
    }

    @Test
    void reconciliationCallsNothingWhenNoCardIsOpen() {
        newCard(world.messageItem("Soon settled"));
        oktopost.workflowItems().forEach(item -> item.put("Status", "rejected"));
        reconciler.reconcile();
        assertEquals(0, count("SELECT COUNT(*) FROM approval_item WHERE status = 'pending'"));
        awaitQuiet();
        oktopost.reset();

        reconciler.reconcile();

        assertEquals(0, oktopost.requests().size());
    }

    // ----

    private FakeSlack.Message newCard(String id) {
        client.newItem(id, world.workflowId);
        FakeSlack.Message card = Cards.await(slack, ApprovalWorld.CHANNEL, id);
        awaitQuiet();
        oktopost.reset();
        return card;
    }

    /** What Oktopost does when someone decides there: history, then step and status. */
    private void decideInOktopost(String entityId, String userId, String action, String stepAfter, String status, String note) {
        ObjectNode item = oktopost.workflowItem(entityId).orElseThrow();
        ObjectNode entry = ((ArrayNode) item.get("History")).addObject()
                .put("Created", "2030-01-01 10:00:00").put("UserId", userId).put("Action", action)
                .put("StepId", item.path("StepId").asText());
        if (note != null) {
            entry.put("Note", note);
        }
        item.put("StepId", stepAfter);
        if (status != null) {
            item.put("Status", status);
        }
    }
}
