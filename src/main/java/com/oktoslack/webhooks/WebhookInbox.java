package com.oktoslack.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Turns a delivery into inbox rows. A body may hold one event or an array of them; each is stored under a
 * key that recognises a repeated delivery: Oktopost's payload id where it sent one, else the event's hash.
 */
@Singleton
class WebhookInbox {

    record Accepted(int stored, int duplicates) {
    }

    private record Incoming(String dedupKey, String type, String json) {
    }

    private final InboxRepository repository;
    private final WebhookRegistrationRepository registrations;
    private final ObjectMapper json;
    private final Clock clock;

    WebhookInbox(InboxRepository repository, WebhookRegistrationRepository registrations, ObjectMapper json, Clock clock) {
        this.repository = repository;
        this.registrations = registrations;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    Accepted accept(byte[] body, @Nullable String webhookId, @Nullable String payloadIds) throws MalformedWebhookException {
        List<Incoming> events = parse(body, webhookId, payloadIds);
        Instant now = Instant.now(clock);
        int stored = 0;
        for (Incoming event : events) {
            stored += repository.insertIfAbsent(event.dedupKey(), event.type(), webhookId, event.json(), now);
        }
        return new Accepted(stored, events.size() - stored);
    }

    private List<Incoming> parse(byte[] body, @Nullable String webhookId, @Nullable String payloadIds)
            throws MalformedWebhookException {
        JsonNode root;
        try {
            root = json.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new MalformedWebhookException("The body is not JSON");
        }
        if (root == null || !(root.isObject() || root.isArray()) || root.isEmpty()) {
            throw new MalformedWebhookException("Expected a JSON object or a non-empty array of events");
        }
        List<JsonNode> elements = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(elements::add);
        } else {
            elements.add(root);
        }
        if (elements.stream().anyMatch(e -> !e.isObject())) {
            throw new MalformedWebhookException("Every event must be a JSON object");
        }
        List<String> ids = payloadIds == null ? List.of()
                : Arrays.stream(payloadIds.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        String fallbackType = webhookId == null ? null
                : registrations.findById(webhookId).map(WebhookRegistration::eventType).orElse(null);
        List<Incoming> events = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            JsonNode element = elements.get(i);
            String text = element.toString();
            String type = element.hasNonNull("event") ? element.get("event").asText()
                    : fallbackType != null ? fallbackType : InboxEntry.UNKNOWN_TYPE;
            String key = ids.size() == elements.size() ? "payload:" + ids.get(i) : "sha256:" + sha256(text);
            events.add(new Incoming(key, type, text));
        }
        return events;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
