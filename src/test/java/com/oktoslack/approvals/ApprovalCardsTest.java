package com.oktoslack.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.util.json.GsonFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApprovalCardsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Instant SCHEDULED = Instant.parse("2031-03-20T09:30:00Z");
    static final Instant DECIDED = Instant.parse("2031-03-18T14:05:00Z");

    @Test
    void aPendingPostCardMatchesTheGoldenFile() throws IOException {
        JsonNode actual = json(ApprovalCards.card(state(ApprovalItem.PENDING, content("Spring deals for everyone"),
                List.of(decision(ApprovalItem.APPROVED, "step 1 of 3: Review", "U0ANN", null)))));

        assertEquals(golden("pending-post.json"), actual);
    }

    @Test
    void aPendingCardSaysWhatItIsWhereItGoesAndWhoMayDecide() throws IOException {
        JsonNode blocks = json(ApprovalCards.card(state(ApprovalItem.PENDING, content("Hello"), List.of())));
        String all = blocks.toString();

        assertEquals(":hourglass_flowing_sand: Waiting for approval: LinkedIn post", blocks.get(0).at("/text/text").asText());
        assertTrue(all.contains("*Profile*\\nAcme on LinkedIn"), all);
        assertTrue(all.contains("<!date^" + SCHEDULED.getEpochSecond() + "^{date_short_pretty} at {time}|2031-03-20 09:30 UTC>"), all);
        assertTrue(all.contains("Waiting at *Step 2 of 3: Manager Confirmation* for Bob Boss, Zoe Zed (any one of them)"), all);
        assertEquals(List.of(ApprovalCards.APPROVE_ACTION, ApprovalCards.REJECT_ACTION, ApprovalCards.OPEN_ACTION), actionIds(blocks));
    }

    @Test
    void anApprovedCardHasNoDecisionButtonsAndSaysWhoApprovedWhenAndAtWhichStep() throws IOException {
        JsonNode blocks = json(ApprovalCards.card(state(ApprovalItem.APPROVED, content("Hi"),
                List.of(decision(ApprovalItem.APPROVED, "step 3 of 3: Legal", "U0CAT", null)))));
        String all = blocks.toString();

        assertEquals(":white_check_mark: Approved: LinkedIn post", blocks.get(0).at("/text/text").asText());
        assertEquals(List.of(ApprovalCards.OPEN_ACTION), actionIds(blocks));
        assertTrue(all.contains(":white_check_mark: Step 3 of 3: Legal approved by <@U0CAT> · <!date^" + DECIDED.getEpochSecond()), all);
        assertFalse(all.contains("Waiting at"), all);
    }

    @Test
    void aRejectedCardQuotesTheNote() throws IOException {
        JsonNode blocks = json(ApprovalCards.card(state(ApprovalItem.REJECTED, content("Hi"),
                List.of(decision(ApprovalItem.REJECTED, "step 2 of 3: Manager Confirmation", "U0BOB", "Too <loud>\nTone it down")))));
        String all = blocks.toString();

        assertEquals(":x: Rejected: LinkedIn post", blocks.get(0).at("/text/text").asText());
        assertTrue(all.contains("Step 2 of 3: Manager Confirmation rejected by <@U0BOB>"), all);
        assertTrue(all.contains("> Too &lt;loud&gt;\\n> Tone it down"), all);
        assertEquals(List.of(ApprovalCards.OPEN_ACTION), actionIds(blocks));
    }

    @Test
    void aRemovedCardAndADecisionMadeInOktopostBySomeoneUnlinked() throws IOException {
        ApprovalDecision inOktopost = new ApprovalDecision(null, "004000000000001", 1, "cws1", "step 1 of 3: Review",
                ApprovalItem.APPROVED, null, "Ann Approver", null, ApprovalDecision.OKTOPOST, DECIDED);
        ApprovalDecision removed = new ApprovalDecision(null, "004000000000001", 1, "cws2", "step 2 of 3: Manager Confirmation",
                ApprovalItem.REMOVED, null, null, null, ApprovalDecision.OKTOPOST, DECIDED);
        JsonNode blocks = json(ApprovalCards.card(state(ApprovalItem.REMOVED, content("Hi"), List.of(inOktopost, removed))));
        String all = blocks.toString();

        assertEquals(":wastebasket: Removed from approval: LinkedIn post", blocks.get(0).at("/text/text").asText());
        assertTrue(all.contains("Step 1 of 3: Review approved by Ann Approver in Oktopost"), all);
        assertTrue(all.contains(":wastebasket: Removed from the workflow in Oktopost at Step 2 of 3: Manager Confirmation"), all);
        assertEquals(List.of(ApprovalCards.OPEN_ACTION), actionIds(blocks));
    }

    @Test
    void longTextIsCutToTheSectionLimitWithAnEllipsisAndEscaped() throws IOException {
        String text = "Tom & Jerry <3 <!channel> ".repeat(300);
        JsonNode blocks = json(ApprovalCards.card(state(ApprovalItem.PENDING, content(text), List.of())));

        String body = blocks.get(1).at("/text/text").asText();
        assertTrue(body.length() <= ApprovalCards.SECTION_TEXT_LIMIT, "length " + body.length());
        assertTrue(body.endsWith("…"), body.substring(body.length() - 20));
        assertFalse(body.contains("<!channel>"), "escaped, so it pings no one");
        assertTrue(body.startsWith("Tom &amp; Jerry &lt;3 &lt;!channel&gt;"), body.substring(0, 40));
    }

    @Test
    void anImageIsShownAndAMessageWithoutScheduleSaysSo() throws IOException {
        CardContent message = new CardContent("message", "Twitter", null, "Look", null, null,
                "https://acme.example/cover.png", null, "Dan Author", null, null);
        JsonNode blocks = json(ApprovalCards.card(state(ApprovalItem.PENDING, message, List.of())));
        String all = blocks.toString();

        assertEquals("https://acme.example/cover.png", blocks.get(1).at("/accessory/image_url").asText());
        assertTrue(all.contains("*Scheduled*\\nNot scheduled yet"), all);
        assertEquals(List.of(ApprovalCards.APPROVE_ACTION, ApprovalCards.REJECT_ACTION), actionIds(blocks), "no link to open");
    }

    @Test
    void thePendingListStaysWithinFiftyBlocks() throws IOException {
        List<CardState> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(state(ApprovalItem.PENDING, content("Item " + i), List.of()));
        }
        JsonNode blocks = json(ApprovalCards.pendingList(many, ""));

        assertTrue(blocks.size() <= 50, "blocks " + blocks.size());
        assertEquals("*40 items* wait for your approval:", blocks.get(0).at("/text/text").asText());
        assertTrue(blocks.get(blocks.size() - 1).toString().contains("and 25 more"), blocks.get(blocks.size() - 1).toString());
    }

    @Test
    void theRejectFormAsksForTheNoteAndCarriesTheCard() throws IOException {
        CardState state = state(ApprovalItem.PENDING, content("Hi"), List.of());
        String metadata = new RejectMetadata(state.ref(), "C0APPROVALS").toJson();
        JsonNode view = JSON.readTree(GsonFactory.createSnakeCase().toJson(ApprovalCards.rejectModal(state, metadata)));

        assertEquals(ApprovalCards.REJECT_CALLBACK, view.path("callback_id").asText());
        assertEquals(state.ref(), RejectMetadata.parse(view.path("private_metadata").asText()).orElseThrow().ref());
        JsonNode input = view.path("blocks").get(1);
        assertEquals(ApprovalCards.NOTE_BLOCK, input.path("block_id").asText());
        assertEquals(ApprovalCards.NOTE_ACTION, input.at("/element/action_id").asText());
        assertTrue(input.at("/element/multiline").asBoolean());
    }

    // ----

    static CardContent content(String text) {
        return new CardContent("post", "LinkedIn", "Acme on LinkedIn", text, "https://acme.example/spring", "Spring is here",
                null, "Spring launch", "Dan Author", SCHEDULED, "https://app.oktopost.example/approvals/004000000000001");
    }

    static CardState state(String status, CardContent content, List<ApprovalDecision> decisions) {
        StepInfo step = new StepInfo("Marketing", "cws2", "Manager Confirmation", 2, 3, false,
                List.of(new StepInfo.Approver("00A1", "Bob Boss"), new StepInfo.Approver("00A2", "Zoe Zed")));
        return new CardState("004000000000001", 1, status, content, step, decisions, 3);
    }

    static ApprovalDecision decision(String outcome, String stepLabel, String slackUserId, String note) {
        return new ApprovalDecision(1L, "004000000000001", 1, "cws1", stepLabel, outcome, slackUserId, null, note,
                ApprovalDecision.SLACK, DECIDED);
    }

    private static List<String> actionIds(JsonNode blocks) {
        List<String> ids = new ArrayList<>();
        for (JsonNode block : blocks) {
            if ("actions".equals(block.path("type").asText())) {
                block.path("elements").forEach(e -> ids.add(e.path("action_id").asText()));
            }
        }
        return ids;
    }

    private static JsonNode json(Object blocks) throws IOException {
        return JSON.readTree(GsonFactory.createSnakeCase().toJson(blocks));
    }

    private static JsonNode golden(String name) throws IOException {
        try (InputStream in = ApprovalCardsTest.class.getResourceAsStream("/approvals/" + name)) {
            if (in == null) {
                throw new AssertionError("Missing golden file " + name);
            }
            return JSON.readTree(in);
        }
    }
}
