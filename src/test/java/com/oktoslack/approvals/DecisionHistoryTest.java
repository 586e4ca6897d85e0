package com.oktoslack.approvals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oktoslack.testing.FakeSlack;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /okto history} lists decisions made in Slack and seen from Oktopost; admins export them as CSV. */
@MicronautTest(transactional = false)
class DecisionHistoryTest extends ApprovalsTestBase {

    static final String ADMIN = "U0ADMIN";
    static final String NOTE = "=HYPERLINK(\"https://x.example\",\"click\"), then\nthe second line";

    @BeforeAll
    void anAdmin() {
        slack.addUser(ADMIN, "ada@acme.example", "Ada Admin", "Europe/Berlin", true);
    }

    @Test
    void historyListsADecisionMadeInSlackAndOneSeenFromOktopostAndAdminsGetThemAsCsv() {
        String token = UUID.randomUUID().toString().substring(0, 8);
        String id = world.messageItem("History " + token);
        FakeSlack.Message card = newCard(id);
        client.press(ApprovalWorld.ANN, card, ApprovalCards.APPROVE_ACTION);
        Cards.awaitCard(slack, ApprovalWorld.CHANNEL, id, m -> Cards.text(m).contains("approved by <@U0ANN>"));
        awaitQuiet();

        // Bob approves the next step in Oktopost.
        ObjectNode item = oktopost.workflowItem(id).orElseThrow();
        ((ArrayNode) item.get("History")).addObject().put("Created", "2030-01-01 10:00:00").put("UserId", world.bobId)
                .put("Action", "approved").put("StepId", world.manager).put("Note", "Fine by me");
        item.put("StepId", world.legal);
        client.deliver(ApprovalClient.event(ApprovalWebhooks.APPROVED, id, world.workflowId));
        Cards.awaitCard(slack, ApprovalWorld.CHANNEL, id, m -> Cards.text(m).contains("approved by <@U0BOB> in Oktopost"));

        // Cat rejects the last step in Slack, with a note a spreadsheet would take for a formula.
        client.press(ApprovalWorld.CAT, Cards.await(slack, ApprovalWorld.CHANNEL, id), ApprovalCards.REJECT_ACTION);
        String metadata = slack.await("views.open").json("view").path("private_metadata").asText();
        assertEquals(200, client.submitReject(ApprovalWorld.CAT, metadata, NOTE).statusCode());
        Cards.awaitCard(slack, ApprovalWorld.CHANNEL, id, m -> Cards.header(m).startsWith(":x: Rejected"));

        String history = answer(ApprovalWorld.DAN, "history");
        List<String> lines = history.lines().filter(l -> l.contains(token)).toList();
        assertEquals(3, lines.size(), history);
        assertTrue(lines.get(0).contains(":x: rejected by <@U0CAT> in Slack: LinkedIn message: History " + token
                + " · Marketing, step 3 of 3: Legal — “=HYPERLINK(\"https://x.example\",\"click\"), then the second line”"), lines.get(0));
        assertTrue(lines.get(1).contains(":white_check_mark: approved by <@U0BOB> in Oktopost: LinkedIn message: History "
                + token + " · Marketing, step 2 of 3: Manager Confirmation — “Fine by me”"), lines.get(1));
        assertTrue(lines.get(2).contains(":white_check_mark: approved by <@U0ANN> in Slack: LinkedIn message: History "
                + token + " · Marketing, step 1 of 3: Review"), lines.get(2));
        assertTrue(history.startsWith("*Decisions in the last 7 days*, newest first:"), history);
        assertTrue(answer(ApprovalWorld.DAN, "history marketing 1").startsWith("*Decisions in workflow marketing in the last day*"));
        assertEquals("No decisions in workflow Sales in the last 30 days.", answer(ApprovalWorld.DAN, "history Sales 30"));
        assertTrue(ack(ApprovalWorld.DAN, "history Marketing 999").startsWith("Days must be between 1 and 365"));

        assertEquals("Only Slack workspace admins can export the decision history.", answer(ApprovalWorld.ANN, "history export"));
        assertEquals(List.of(), slack.sharedFiles());

        String told = answer(ADMIN, "history export");
        assertTrue(told.startsWith("I sent you the decision history ("), told);
        List<FakeSlack.Upload> files = slack.sharedFiles();
        assertEquals(1, files.size());
        FakeSlack.Upload file = files.get(0);
        assertEquals("D0ADMIN", file.channel());
        assertTrue(file.filename().matches("okto-decisions-\\d{4}-\\d{2}-\\d{2}\\.csv"), file.filename());
        String csv = file.text();
        assertTrue(csv.startsWith("\"decided_at\",\"outcome\",\"source\",\"workflow\",\"step\",\"item\",\"entity_id\","
                + "\"round\",\"slack_user_id\",\"by\",\"note\"\r\n"), csv);
        List<String> rows = List.of(csv.split("\r\n"));
        List<String> mine = rows.stream().filter(r -> r.contains(token)).toList();
        assertEquals(3, mine.size(), csv);
        assertTrue(mine.get(0).matches("\"\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z\",\"approved\",\"slack\",\"Marketing\",\"step 1 of 3: Review\","
                + "\"LinkedIn message: History " + token + "\",\"" + id + "\",\"1\",\"U0ANN\",\"\",\"\""), mine.get(0));
        assertTrue(mine.get(1).endsWith(",\"approved\",\"oktopost\",\"Marketing\",\"step 2 of 3: Manager Confirmation\","
                + "\"LinkedIn message: History " + token + "\",\"" + id + "\",\"1\",\"U0BOB\",\"Bob Boss\",\"Fine by me\""), mine.get(1));
        assertTrue(mine.get(2).endsWith(",\"rejected\",\"slack\",\"Marketing\",\"step 3 of 3: Legal\",\"LinkedIn message: History "
                + token + "\",\"" + id + "\",\"1\",\"U0CAT\",\"\",\"'=HYPERLINK(\"\"https://x.example\"\",\"\"click\"\"), then\nthe second line\""),
                mine.get(2));
        List<String> upload = slack.calls().stream().map(FakeSlack.Call::method)
                .filter(m -> m.startsWith("files.") || m.equals("upload")).toList();
        assertEquals(List.of("files.getUploadURLExternal", "upload", "files.completeUploadExternal"), upload);
        assertEquals(Integer.toString(file.bytes().length), slack.calls("files.getUploadURLExternal").get(0).param("length"));
    }

    // ----

    private FakeSlack.Message newCard(String id) {
        client.newItem(id, world.workflowId);
        FakeSlack.Message card = Cards.await(slack, ApprovalWorld.CHANNEL, id);
        awaitQuiet();
        return card;
    }

    private String ack(String userId, String text) {
        String body = slackRequests().slashCommand(userId, text, slack.responseUrl("ack-" + UUID.randomUUID())).body();
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path("text").asText();
        } catch (Exception e) {
            throw new IllegalStateException(body, e);
        }
    }

    private String answer(String userId, String text) {
        String responseId = userId + "-" + UUID.randomUUID();
        assertEquals(200, slackRequests().slashCommand(userId, text, slack.responseUrl(responseId)).statusCode());
        return slack.await("response_url", c -> responseId.equals(c.param("response_id")), Duration.ofSeconds(10)).param("text");
    }
}
