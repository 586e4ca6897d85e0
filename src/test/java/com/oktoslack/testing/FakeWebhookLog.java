package com.oktoslack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fake Oktopost's webhook log ({@code GET /webhook-log/{webhookId}}, paged like every list): each delivery
 * attempt with its payload id, the receiver's HTTP status and the payload, newest first. {@link #deliver}
 * sends a delivery the way Oktopost does, signed with the webhook's secret, and logs what the receiver
 * answered (0 when nothing answered, e.g. the app was down).
 */
public final class FakeWebhookLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Map<String, List<ObjectNode>> byWebhook = new LinkedHashMap<>();
    private final AtomicLong sequence = new AtomicLong(1);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Clock clock = Clock.systemUTC();

    /** Logs a delivery attempt; its entry. */
    public synchronized ObjectNode record(String webhookId, String payloadId, int responseCode, JsonNode payload) {
        ObjectNode entry = JSON.createObjectNode()
                .put("Id", id("0WC"))
                .put("WebhookPayloadId", payloadId)
                .put("Created", DATE.format(clock.instant()))
                .put("ResponseCode", responseCode)
                .put("ExecutionTime", 0.034);
        entry.set("Payload", payload.deepCopy());
        byWebhook.computeIfAbsent(webhookId, id -> new ArrayList<>()).add(0, entry);
        return entry;
    }

    /** The webhook's entries, newest first. */
    public synchronized List<ObjectNode> entries(String webhookId) {
        return List.copyOf(byWebhook.getOrDefault(webhookId, List.of()));
    }

    public synchronized void clear() {
        byWebhook.clear();
    }

    /**
     * Posts {@code payload} to the webhook's Url as Oktopost does (signature in {@code X-Oktopost-Secret},
     * the webhook and payload ids in their headers) and logs the answer; the status, 0 when none came.
     */
    public int deliver(ObjectNode webhook, JsonNode payload) {
        String payloadId = id("0WB");
        byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.get("Url").asText()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Oktopost-Secret", WebhookDeliveries.sign(webhook.get("Secret").asText(), body))
                .header("X-Oktopost-Webhook", webhook.get("Id").asText())
                .header("X-Oktopost-Payload", payloadId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            status = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 0;
        }
        record(webhook.get("Id").asText(), payloadId, status, payload);
        return status;
    }

    private String id(String prefix) {
        String number = Long.toString(sequence.getAndIncrement());
        return prefix + "0".repeat(Math.max(0, 12 - number.length())) + number;
    }
}
