package com.oktoslack.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oktoslack.testing.FakeSlack;
import com.oktoslack.testing.SlackRequests;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Signed App Home requests: the tab opened, and buttons pressed on the Home as Slack sends them. */
final class HomeClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong EVENTS = new AtomicLong();

    private final SlackRequests requests;
    private final FakeSlack slack;

    HomeClient(SlackRequests requests, FakeSlack slack) {
        this.requests = requests;
        this.slack = slack;
    }

    /** {@code app_home_opened} with the Home's hash as Slack would send it ({@code hash} null: none published yet). */
    HttpResponse<String> open(String userId, String hash) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "app_home_opened");
        event.put("user", userId);
        event.put("channel", "D" + userId.substring(1));
        event.put("tab", "home");
        event.put("event_ts", Instant.now().getEpochSecond() + ".000100");
        if (hash != null) {
            event.put("view", Map.of("id", "V" + userId, "type", "home", "hash", hash));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", "x");
        body.put("team_id", SlackRequests.TEAM);
        body.put("api_app_id", "A0TEST");
        body.put("type", "event_callback");
        body.put("event_id", "Ev" + System.nanoTime() + EVENTS.incrementAndGet());
        body.put("event_time", Instant.now().getEpochSecond());
        body.put("event", event);
        try {
            return requests.send(SlackRequests.sign(JSON.writeValueAsString(body), "application/json"), Map.of());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Presses the button with this action id (and, when given, this value) on the user's published Home. */
    HttpResponse<String> press(String userId, String actionId, String valueContaining) {
        JsonNode button = buttons(slack.home(userId)).stream()
                .filter(b -> actionId.equals(b.path("action_id").asText()))
                .filter(b -> valueContaining == null || b.path("value").asText().contains(valueContaining))
                .findFirst().orElseThrow(() -> new AssertionError("No " + actionId + " on the Home: " + slack.home(userId)));
        Map<String, Object> payload = SlackRequests.base("block_actions", userId);
        payload.put("container", Map.of("type", "view", "view_id", "V" + userId));
        payload.put("view", Map.of("id", "V" + userId, "type", "home", "hash", String.valueOf(slack.homeHash(userId))));
        payload.put("actions", List.of(Map.of("action_id", actionId, "block_id", "home", "value", button.path("value").asText(),
                "type", "button", "action_ts", Instant.now().getEpochSecond() + ".000")));
        return requests.interactive(payload);
    }

    static List<JsonNode> buttons(JsonNode view) {
        List<JsonNode> found = new ArrayList<>();
        if (view == null) {
            return found;
        }
        view.findValues("elements").forEach(elements -> elements.forEach(e -> {
            if ("button".equals(e.path("type").asText())) {
                found.add(e);
            }
        }));
        view.findValues("accessory").forEach(a -> {
            if ("button".equals(a.path("type").asText())) {
                found.add(a);
            }
        });
        return found;
    }

    /** The item ids of the Approve buttons on the Home, top to bottom. */
    static List<String> waiting(JsonNode view) {
        return buttons(view).stream().filter(b -> ApprovalCards.APPROVE_ACTION.equals(b.path("action_id").asText()))
                .map(b -> CardRef.parse(b.path("value").asText()).orElseThrow().entityId()).toList();
    }
}
