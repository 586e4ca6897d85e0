package com.oktoslack.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oktoslack.testing.FakeOktopost;
import com.oktoslack.testing.FakeSlack;
import com.oktoslack.testing.SlackRequests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several items decided in one form: each by its own Oktopost call at its step, and nothing else touched. */
@MicronautTest(transactional = false)
class SeveralDecisionsTest extends ApprovalsTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void threeOfFiveApprovedThroughTheFormAndNoOtherItemTouched() throws Exception {
        List<String> ids = items(5, "Several");
        HttpResponse<String> opened = pressDecideSeveral(ApprovalWorld.ANN);
        assertEquals(200, opened.statusCode());
        FakeSlack.Call open = slack.await("views.open");
        JsonNode form = open.json("view");
        assertEquals(SeveralDecisionsForm.CALLBACK, form.path("callback_id").asText());
        List<String> offered = form.findValues("options").stream().flatMap(o -> values(o).stream())
                .filter(v -> v.startsWith("{")).map(v -> CardRef.parse(v).orElseThrow().entityId()).distinct().toList();
        assertTrue(offered.containsAll(ids), offered.toString());

        List<String> picked = ids.subList(1, 4);
        HttpResponse<String> submitted = submit(ApprovalWorld.ANN, refs(picked), SeveralDecisionsForm.APPROVE, "");
        assertEquals(200, submitted.statusCode());
        assertTrue(submitted.body().contains("\"response_action\":\"update\""), submitted.body());

        FakeSlack.Call summary = slack.await("chat.postMessage", c -> ApprovalWorld.ANN.equals(c.param("channel"))
                && c.param("text") != null && c.param("text").contains("Approved 3 of 3"), Duration.ofSeconds(30));
        assertTrue(summary.param("text").contains("Several 2"), summary.param("text"));
        List<FakeOktopost.RecordedRequest> decisions = oktopost.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().contains("/workflow-item/")).toList();
        assertEquals(Set.copyOf(picked), decisions.stream().map(r -> r.path().substring(r.path().lastIndexOf('/') + 1))
                .collect(Collectors.toSet()));
        assertTrue(decisions.stream().allMatch(r -> world.review.equals(r.form().get("stepId"))), "each at its step");
        for (String untouched : List.of(ids.get(0), ids.get(4))) {
            assertEquals(1, count("SELECT COUNT(*) FROM approval_item WHERE entity_id = '" + untouched
                    + "' AND status = 'pending' AND step_id = '" + world.review + "'"));
            assertEquals(0, count("SELECT COUNT(*) FROM approval_intent WHERE entity_id = '" + untouched + "'"));
        }
        awaitQuiet();
    }

    @Test
    void rejectWithoutANoteIsShownNextToTheNoteAndNothingIsDecided() {
        List<String> ids = items(2, "Needs a note");

        HttpResponse<String> submitted = submit(ApprovalWorld.ANN, refs(ids), SeveralDecisionsForm.REJECT, " ");

        assertTrue(submitted.body().contains("\"response_action\":\"errors\""), submitted.body());
        assertTrue(submitted.body().contains(SeveralDecisionsForm.NOTE_BLOCK), submitted.body());
        assertEquals(0, count("SELECT COUNT(*) FROM approval_intent WHERE entity_id IN ('" + String.join("','", ids) + "')"));
        assertEquals(0, oktopost.count("POST", "/workflow-item"));

        HttpResponse<String> nothing = submit(ApprovalWorld.ANN, List.of(), SeveralDecisionsForm.APPROVE, "");
        assertTrue(nothing.body().contains(SeveralDecisionsForm.ITEMS_BLOCK + 0), nothing.body());
    }

    private List<String> items(int count, String text) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String id = world.messageItem(text + " " + i);
            client.newItem(id, world.workflowId);
            Cards.await(slack, ApprovalWorld.CHANNEL, id);
            ids.add(id);
        }
        awaitQuiet();
        slack.reset();
        oktopost.reset();
        return ids;
    }

    private List<String> refs(List<String> ids) {
        return ids.stream().map(id -> new CardRef(id, 1, world.review).toJson()).toList();
    }

    private HttpResponse<String> pressDecideSeveral(String userId) {
        Map<String, Object> payload = SlackRequests.base("block_actions", userId);
        payload.put("container", Map.of("type", "view", "view_id", "V" + userId));
        payload.put("view", Map.of("id", "V" + userId, "type", "home", "hash", "h0"));
        payload.put("actions", List.of(Map.of("action_id", ApprovalQueue.DECIDE_SEVERAL_ACTION, "block_id", "home",
                "value", "home", "type", "button", "action_ts", "1700000000.000")));
        return slackRequests().interactive(payload);
    }

    /** The form sent with these refs ticked in its first checkbox group (or spread as Slack would, 10 a group). */
    private HttpResponse<String> submit(String userId, List<String> refs, String choice, String note) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int group = 0; group * SeveralDecisionsForm.PER_GROUP < Math.max(1, refs.size()); group++) {
            List<Map<String, Object>> ticked = new ArrayList<>();
            refs.stream().skip((long) group * SeveralDecisionsForm.PER_GROUP).limit(SeveralDecisionsForm.PER_GROUP)
                    .forEach(ref -> ticked.add(Map.of("text", Map.of("type", "plain_text", "text", "item"), "value", ref)));
            values.put(SeveralDecisionsForm.ITEMS_BLOCK + group, Map.of(SeveralDecisionsForm.ITEMS_ACTION,
                    Map.of("type", "checkboxes", "selected_options", ticked)));
        }
        values.put(SeveralDecisionsForm.CHOICE_BLOCK, Map.of(SeveralDecisionsForm.CHOICE_ACTION, Map.of("type", "radio_buttons",
                "selected_option", Map.of("text", Map.of("type", "plain_text", "text", choice), "value", choice))));
        values.put(SeveralDecisionsForm.NOTE_BLOCK, Map.of(SeveralDecisionsForm.NOTE_ACTION,
                Map.of("type", "plain_text_input", "value", note)));
        return slackRequests().viewSubmission(userId, SeveralDecisionsForm.CALLBACK, "", values);
    }

    private static List<String> values(JsonNode options) {
        List<String> found = new ArrayList<>();
        options.forEach(o -> found.add(o.path("value").asText()));
        return found;
    }
}
