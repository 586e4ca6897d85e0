package com.oktoslack.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Turns a delivery into inbox rows. A body may be one event or an array of them, each either the SDK's
 * envelope ({@code {event, timestamp, webhookId, data}}, where {@code data} may itself be a list) or a bare
 * object (the knowledge base's reading, typed by its webhook). Each is stored under a key that recognises a
 * repeated delivery: Oktopost's payload id where it sent one, else the event's hash. A delivery is cut at
 * {@code okto.webhooks.max-events-per-delivery} events, so no single request can cause unbounded work.
 */
@Singleton
class WebhookInbox {

    /** What became of a delivery's events: stored, already there, or over the per-delivery cap. */
    record Accepted(int stored, int duplicates, int dropped) {
    }

    private record Incoming(String dedupKey, String type, String json) {
    }

    private final InboxRepository repository;
    private final WebhookRegistrationRepository registrations;
    private final ObjectMapper json;
    private final Clock clock;
    private final int maxEvents;

    WebhookInbox(InboxRepository repository, WebhookRegistrationRepository registrations, ObjectMapper json, Clock clock,
                 WebhookSettings settings) {
        this.repository = repository;
        this.registrations = registrations;
        this.json = json;
        this.clock = clock;
        this.maxEvents = settings.maxEventsPerDelivery();
    }

    @Transactional
    Accepted accept(byte[] body, @Nullable String webhookId, @Nullable String payloadIds) throws MalformedWebhookException {
        JsonNode root;
        try {
            root = json.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new MalformedWebhookException("The body is not JSON");
        }
        List<String> ids = payloadIds == null ? List.of()
                : Arrays.stream(payloadIds.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return store(root, webhookId, ids, null);
    }

    /**
     * A delivery Oktopost's webhook log holds but the app never received: stored as if delivered, under its
     * payload id, so one that did arrive (or was caught up before) is not stored again.
     */
    @Transactional
    Accepted acceptMissed(JsonNode payload, String webhookId, String payloadId, @Nullable String eventType)
            throws MalformedWebhookException {
        return store(payload, webhookId, List.of(payloadId), eventType);
    }

    private Accepted store(@Nullable JsonNode root, @Nullable String webhookId, List<String> payloadIds,
                           @Nullable String knownType) throws MalformedWebhookException {
        List<JsonNode> elements = events(root);
        int dropped = Math.max(0, elements.size() - maxEvents);
        String fallbackType = knownType != null ? knownType : webhookId == null ? null
                : registrations.findById(webhookId).map(WebhookRegistration::eventType).orElse(null);
        Instant now = Instant.now(clock);
        int kept = elements.size() - dropped;
        int stored = 0;
        for (int i = 0; i < kept; i++) {
            Incoming event = incoming(elements.get(i), i, elements.size(), payloadIds, fallbackType);
            stored += repository.insertIfAbsent(event.dedupKey(), event.type(), webhookId, event.json(), now);
        }
        return new Accepted(stored, kept - stored, dropped);
    }

    /** The body's events, an SDK envelope whose data is a list counting as one event per element. */
    private static List<JsonNode> events(@Nullable JsonNode root) throws MalformedWebhookException {
        if (root == null || !(root.isObject() || root.isArray()) || root.isEmpty()) {
            throw new MalformedWebhookException("Expected a JSON object or a non-empty array of events");
        }
        List<JsonNode> elements = new ArrayList<>();
        Iterable<JsonNode> all = root.isArray() ? root : List.of(root);
        for (JsonNode element : all) {
            if (!element.isObject()) {
                throw new MalformedWebhookException("Every event must be a JSON object");
            }
            JsonNode data = element.get("data");
            if (data != null && data.isArray() && element.has("event")) {
                for (JsonNode one : data) {
                    ObjectNode single = ((ObjectNode) element).deepCopy();
                    single.set("data", one);
                    elements.add(single);
                }
            } else {
                elements.add(element);
            }
        }
        return elements;
    }

    private static Incoming incoming(JsonNode element, int index, int count, List<String> payloadIds,
                                     @Nullable String fallbackType) {
        String text = element.toString();
        String type = element.hasNonNull("event") ? element.get("event").asText()
                : fallbackType != null ? fallbackType : InboxEntry.UNKNOWN_TYPE;
        String key;
        if (payloadIds.size() == count) {
            key = "payload:" + payloadIds.get(index);
        } else if (payloadIds.size() == 1) {
            // One payload id for a body of several events: each is known by that id and its place.
            key = "payload:" + payloadIds.get(0) + "#" + index;
        } else {
            key = "sha256:" + sha256(text);
        }
        return new Incoming(key, type, text);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
