package com.oktoslack.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oktoslack.testing.FakeSlack;
import com.oktoslack.testing.SlackRequests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class PendingCommandTest extends ApprovalsTestBase {

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(super.extraProperties());
        properties.put("okto.approvals.pending-fresh-for", "0s");
        return properties;
    }

    @Test
    void pendingListsWhatWaitsForTheCallerAfterOneFreshListCallWithTheCardsButtons() {
        String first = world.messageItem("First for review");
        String second = world.messageItem("Second for review");
        String legal = world.messageItem("For legal");
        String settled = world.messageItem("Rejected quietly");
        for (String id : List.of(first, second, legal, settled)) {
            client.newItem(id, world.workflowId);
            Cards.await(slack, ApprovalWorld.CHANNEL, id);
        }
        oktopost.workflowItem(legal).orElseThrow().put("StepId", world.legal);
        oktopost.workflowItem(settled).orElseThrow().put("Status", "rejected");
        awaitQuiet();
        oktopost.reset();

        FakeSlack.Call ann = pending(ApprovalWorld.ANN);

        assertEquals("ephemeral", ann.param("response_type"));
        JsonNode blocks = ann.json("blocks");
        List<String> listed = listed(blocks);
        assertTrue(listed.contains(first) && listed.contains(second), listed.toString());
        assertFalse(listed.contains(legal), "moved on to Legal in Oktopost");
        assertFalse(listed.contains(settled), "rejected in Oktopost");
        assertEquals(1, oktopost.count("GET", "/workflow-item"));
        JsonNode buttons = blocks.findValues("elements").stream().filter(e -> e.toString().contains(first)).findFirst().orElseThrow();
        assertEquals(ApprovalCards.APPROVE_ACTION, buttons.get(0).path("action_id").asText());
        assertEquals(new CardRef(first, 1, world.review), CardRef.parse(buttons.get(0).path("value").asText()).orElseThrow());

        List<String> cats = listed(pending(ApprovalWorld.CAT).json("blocks"));
        assertTrue(cats.contains(legal), cats.toString());
        assertFalse(cats.contains(first));
    }

    @Test
    void approvingFromTheListConfirmsPrivatelyAndUpdatesTheCards() {
        String id = world.messageItem("From the list");
        client.newItem(id, world.workflowId);
        FakeSlack.Message card = Cards.await(slack, ApprovalWorld.CHANNEL, id);
        awaitQuiet();
        String value = ApprovalClient.buttonValue(card, ApprovalCards.APPROVE_ACTION);

        Map<String, Object> payload = SlackRequests.base("block_actions", ApprovalWorld.BOB);
        payload.put("container", Map.of("type", "message", "message_ts", "1700000000.000001", "channel_id", "C0GENERAL", "is_ephemeral", true));
        payload.put("channel", Map.of("id", "C0GENERAL", "name", "general"));
        payload.put("response_url", slack.responseUrl("list-" + id));
        payload.put("actions", List.of(Map.of("action_id", ApprovalCards.APPROVE_ACTION, "block_id", "pending:" + id + ":1:actions",
                "value", value, "type", "button", "action_ts", Instant.now().getEpochSecond() + ".000")));
        assertEquals(200, slackRequests().interactive(payload).statusCode());

        FakeSlack.Call confirmed = slack.await("response_url", c -> ("list-" + id).equals(c.param("response_id")), Duration.ofSeconds(10));
        assertEquals("Approved: the LinkedIn message at step 1 of 3: Review.", confirmed.param("text"));
        Cards.awaitCard(slack, ApprovalWorld.CHANNEL, id, m -> Cards.text(m).contains("approved by <@U0BOB>"));
        assertEquals(1, oktopost.count("POST", "/workflow-item"));
    }

    @Test
    void someoneWithNothingToApproveOrUnknownToOktopostIsToldSo() {
        assertEquals("Nothing waits for your approval.", pending(ApprovalWorld.EVE).param("text"));
        assertTrue(pending("U0ZED").param("text").startsWith("I cannot find you among Oktopost's users"));
    }

    @Test
    void someoneWhoseOktopostUserIsLinkedToAnotherSlackAccountIsToldSo() {
        slack.addUser("U0ANN2", "ann@acme.example", "Ann Again", "UTC", false);

        String text = pending("U0ANN2").param("text");

        assertTrue(text.contains("is already linked to <@" + ApprovalWorld.ANN + ">"), text);
    }

    @Test
    void atAStepEveryoneMustApproveWhoHasApprovedNoLongerSeesTheItemAndTheOthersStillDo() {
        ObjectNode review = oktopost.stepsOf(world.workflowId).get(0);
        review.put("MustBeApprovedByEveryone", true);
        try {
            String id = world.messageItem("Everyone has a look");
            client.newItem(id, world.workflowId);
            FakeSlack.Message card = Cards.await(slack, ApprovalWorld.CHANNEL, id);
            awaitQuiet();

            client.press(ApprovalWorld.ANN, card, ApprovalCards.APPROVE_ACTION);
            Cards.until("Ann's approval recorded", () -> count("SELECT COUNT(*) FROM approval_decision WHERE entity_id = '"
                    + id + "' AND outcome = 'approved'") == 1, 20);
            awaitQuiet();

            assertFalse(listed(pending(ApprovalWorld.ANN).json("blocks")).contains(id), "Ann has approved it");
            assertTrue(listed(pending(ApprovalWorld.BOB).json("blocks")).contains(id), "it still waits for Bob");
        } finally {
            review.put("MustBeApprovedByEveryone", false);
        }
    }

    private FakeSlack.Call pending(String userId) {
        String responseId = "pending-" + userId + "-" + System.nanoTime();
        assertEquals(200, slackRequests().slashCommand(userId, "pending", slack.responseUrl(responseId)).statusCode());
        return slack.await("response_url", c -> responseId.equals(c.param("response_id")), Duration.ofSeconds(10));
    }

    private static List<String> listed(JsonNode blocks) {
        List<String> ids = new ArrayList<>();
        for (JsonNode block : blocks) {
            String blockId = block.path("block_id").asText();
            if (blockId.startsWith("pending:") && blockId.endsWith(":text")) {
                ids.add(blockId.split(":")[1]);
            }
        }
        return ids;
    }
}
