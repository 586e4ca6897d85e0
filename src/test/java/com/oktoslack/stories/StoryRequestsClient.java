package com.oktoslack.stories;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.oktoslack.testing.SlackRequests;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Signed Oktopost webhooks and Slack modal submissions with their own view ids, as the stories tests send them. */
final class StoryRequestsClient {

    static final String WEBHOOK_SECRET = "stories-webhook-secret";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI webhooks;
    private final SlackRequests slack;
    private final HttpClient http = HttpClient.newHttpClient();

    StoryRequestsClient(URI serverBase, SlackRequests slack) {
        this.webhooks = serverBase.resolve("/oktopost/webhooks");
        this.slack = slack;
    }

    static String storyEvent(String storyId, String boardId, long timestamp) {
        return "{\"event\":\"newAdvocacyStory\",\"timestamp\":" + timestamp + ",\"webhookId\":\"0WA000000000009\","
                + "\"data\":{\"StoryId\":\"" + storyId + "\"" + (boardId == null ? "" : ",\"BoardId\":\"" + boardId + "\"") + "}}";
    }

    HttpResponse<String> deliver(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(webhooks)
                .header("Content-Type", "application/json")
                .header("X-Oktopost-Webhook", "0WA000000000009")
                .header("X-Oktopost-Secret", hmacSha1(WEBHOOK_SECRET, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A modal submission from {@code userId} for view {@code viewId}. */
    HttpResponse<String> submit(String userId, String viewId, String callbackId, String metadata, Map<String, Object> values) {
        Map<String, Object> payload = SlackRequests.base("view_submission", userId);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", viewId);
        view.put("type", "modal");
        view.put("callback_id", callbackId);
        view.put("private_metadata", metadata);
        view.put("hash", "h-" + viewId);
        view.put("state", Map.of("values", values));
        payload.put("view", view);
        return slack.interactive(payload);
    }

    static Map<String, Object> checked(Map<String, String> labelsById) {
        return Map.of("type", "checkboxes", "selected_options", labelsById.entrySet().stream()
                .map(e -> Map.of("text", plain(e.getValue()), "value", e.getKey())).toList());
    }

    static Map<String, Object> radio(String value) {
        return Map.of("type", "radio_buttons", "selected_option", Map.of("text", plain(value), "value", value));
    }

    static Map<String, Object> selected(String type, String value, String label) {
        return Map.of("type", type, "selected_option", Map.of("text", plain(label), "value", value));
    }

    static Map<String, Object> date(String isoDate) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("type", "datepicker");
        value.put("selected_date", isoDate);
        return value;
    }

    static Map<String, Object> time(String hhmm) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("type", "timepicker");
        value.put("selected_time", hhmm);
        return value;
    }

    static Map<String, Object> text(String value) {
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("type", "plain_text_input");
        text.put("value", value);
        return text;
    }

    static Map<String, Object> url(String value) {
        Map<String, Object> url = new LinkedHashMap<>();
        url.put("type", "url_text_input");
        url.put("value", value);
        return url;
    }

    /** The response_action errors of a submission's answer; empty when Slack was told to close the modal. */
    static Map<String, String> errors(HttpResponse<String> response) {
        try {
            if (response.body() == null || response.body().isBlank()) {
                return Map.of();
            }
            var node = JSON.readTree(response.body());
            if (!"errors".equals(node.path("response_action").asText())) {
                return Map.of();
            }
            Map<String, String> errors = new LinkedHashMap<>();
            node.path("errors").fields().forEachRemaining(e -> errors.put(e.getKey(), e.getValue().asText()));
            return errors;
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private static Map<String, Object> plain(String text) {
        return Map.of("type", "plain_text", "text", text);
    }

    static String hmacSha1(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
