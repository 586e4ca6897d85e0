package com.oktoslack.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * One Oktopost event from the inbox. Oktopost does not document the fields inside an event, so ids are
 * looked up by name in either case, in {@code data} first and then at the top.
 */
public record WebhookEvent(long inboxId, String type, @Nullable String webhookId, JsonNode payload, Instant receivedAt) {

    /** The event's data object: {@code data} in the SDK's envelope, or the whole payload. */
    public JsonNode data() {
        JsonNode data = payload.get("data");
        return data != null && data.isObject() ? data : payload;
    }

    /** The first of {@code names} that holds a plain value, ignoring case. */
    public Optional<String> field(String... names) {
        for (String name : names) {
            Optional<String> value = find(data(), name).or(() -> find(payload, name));
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> find(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (field.getKey().equalsIgnoreCase(name) && value.isValueNode() && !value.isNull()
                    && !value.asText().isBlank()) {
                return Optional.of(value.asText());
            }
        }
        return Optional.empty();
    }
}
