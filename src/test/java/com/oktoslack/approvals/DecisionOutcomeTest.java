package com.oktoslack.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oktoslack.oktopost.WorkflowItem;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an Oktopost status, event or history entry means for an item's card, without an app. */
class DecisionOutcomeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static WorkflowItem pending(String entityId, JsonNode history) {
        return new WorkflowItem("wi-" + entityId, "u1", WorkflowItem.PENDING, "step-2", "wf", null, entityId, null, null,
                "2024-01-01 00:00:00", null, history);
    }

    @Test
    void onlyApprovedAndRejectedAreDecisions() {
        assertTrue(OktopostItemState.isDecision("approved"));
        assertTrue(OktopostItemState.isDecision("Rejected"));
        assertFalse(OktopostItemState.isDecision("pending"));
        assertFalse(OktopostItemState.isDecision("deleted"));
        assertFalse(OktopostItemState.isDecision(null));
    }

    @Test
    void anItemGoneFromTheListTakesTheEventsOutcome() {
        OktopostItemState gone = OktopostItemState.decided("004A", WorkflowItem.REJECTED);

        assertEquals("004A", gone.entityId());
        assertEquals(WorkflowItem.REJECTED, gone.item().status());
        assertEquals("004A", gone.item().entityId());
        assertNull(gone.step());
    }

    @Test
    void aListedItemStillShownPendingTakesTheEventsOutcomeAndKeepsWhatItWas() {
        WorkflowItem seen = pending("004B", null);

        OktopostItemState settled = OktopostItemState.decided(seen, WorkflowItem.APPROVED);

        assertEquals(WorkflowItem.APPROVED, settled.item().status());
        assertEquals(seen.id(), settled.item().id());
        assertEquals(seen.workflowId(), settled.item().workflowId());
        assertEquals("004B", settled.entityId());
    }

    @Test
    void anItemInNoWorkflowIsRemoved() {
        OktopostItemState removed = OktopostItemState.removed("004C");

        assertNull(removed.item());
        assertNull(removed.actor());
    }

    @Test
    void theActorIsTheLatestApproveOrRejectOfTheHistory() throws Exception {
        JsonNode history = JSON.readTree("""
                [{"Action":"approve","UserId":"u-first","Note":"fine"},
                 {"Action":"Rejected","UserID":"u-last","Comment":"too long"},
                 {"Action":"comment","UserId":"u-chat","Note":"later chatter"}]""");

        OktopostItemState observed = OktopostItemState.of(pending("004D", history), null);

        assertEquals("u-last", observed.actor().oktopostUserId());
        assertEquals("too long", observed.actor().note());
    }

    @Test
    void aHistoryWithoutADecisionOrOfAnotherShapeHasNoActor() throws Exception {
        assertNull(OktopostItemState.lastActor(JSON.readTree("[{\"Action\":\"created\",\"UserId\":\"u1\"}]")));
        assertNull(OktopostItemState.lastActor(JSON.readTree("{\"Action\":\"approve\"}")));
        assertNull(OktopostItemState.lastActor(null));
        OktopostItemState.Actor blank = OktopostItemState.lastActor(JSON.readTree("[{\"Status\":\"approved\",\"Note\":\" \"}]"));
        assertNull(blank.oktopostUserId());
        assertNull(blank.note());
    }
}
