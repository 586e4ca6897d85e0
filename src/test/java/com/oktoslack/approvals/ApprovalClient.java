package com.oktoslack.approvals;

import com.oktoslack.testing.FakeSlack;
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
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Drives the app as Oktopost and Slack would: signed webhooks, clicks on cards, the reject form. */
final class ApprovalClient {

    static final String WEBHOOK_SECRET = "approvals-webhook-secret";
    private static final AtomicLong TIMESTAMPS = new AtomicLong(1_700_000_000);

    private final URI webhooks;
    private final SlackRequests slack;
    private final FakeSlack fakeSlack;
    private final HttpClient http = HttpClient.newHttpClient();

    ApprovalClient(URI server, SlackRequests slack, FakeSlack fakeSlack) {
        this.webhooks = server.resolve("/oktopost/webhooks");
        this.slack = slack;
        this.fakeSlack = fakeSlack;
    }

    static String event(String type, String entityId, String workflowId) {
        return "{\"event\":\"" + type + "\",\"timestamp\":" + TIMESTAMPS.incrementAndGet()
                + ",\"webhookId\":\"0WA000000000009\",\"data\":{\"EntityId\":\"" + entityId + "\",\"WorkflowId\":\""
                + workflowId + "\"}}";
    }

    HttpResponse<String> deliver(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(webhooks)
                .header("Content-Type", "application/json")
                .header("X-Oktopost-Webhook", "0WA000000000009")
                .header("X-Oktopost-Secret", sign(bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("Webhook answered " + response.statusCode() + ": " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> newItem(String entityId, String workflowId) {
        return deliver(event(ApprovalWebhooks.NEW_ITEM, entityId, workflowId));
    }

    /** Presses a button of a posted card (found by its action id) as {@code userId}. */
    HttpResponse<String> press(String userId, FakeSlack.Message card, String actionId) {
        String value = buttonValue(card, actionId);
        return slack.buttonClick(userId, actionId, value, card.channel(), card.ts(), fakeSlack.responseUrl(userId + "-" + card.ts()));
    }

    HttpResponse<String> submitReject(String userId, String privateMetadata, String note) {
        Map<String, Object> values = Map.of(ApprovalCards.NOTE_BLOCK,
                Map.of(ApprovalCards.NOTE_ACTION, Map.of("type", "plain_text_input", "value", note)));
        return slack.viewSubmission(userId, ApprovalCards.REJECT_CALLBACK, privateMetadata, values);
    }

    static String buttonValue(FakeSlack.Message card, String actionId) {
        return Cards.buttons(card).stream().filter(b -> actionId.equals(b.path("action_id").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("No " + actionId + " button on " + card.blocks()))
                .path("value").asText();
    }

    private static String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
