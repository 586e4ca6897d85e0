package com.oktoslack.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One Oktopost event from the inbox. Oktopost does not document the fields inside an event: the object may
 * be flat ({@code {"StoryId":…}}) or carry the objects it is about nested one or more levels deep
 * ({@code {"Story":{"ID":…},"Board":{"Id":…}}}), and names come in either case. The lookups here try each
 * reading; the features say which names mean what.
 */
public record WebhookEvent(long inboxId, String type, @Nullable String webhookId, JsonNode payload, Instant receivedAt) {

    /** How deep nested objects are looked into; a real event nests a level or two. */
    static final int MAX_DEPTH = 4;

    /** The event's data object: {@code data} in the SDK's envelope, or the whole payload. */
    public JsonNode data() {
        JsonNode data = payload.get("data");
        return data != null && data.isObject() ? data : payload;
    }

    /** The first of {@code names} that holds a plain value in the data object (or the envelope), ignoring case. */
    public Optional<String> field(String... names) {
        for (String name : names) {
            Optional<String> value = value(data(), name).or(() -> value(payload, name));
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /** Like {@link #field} at the top, else in nested objects, nearest first. */
    public Optional<String> fieldAnywhere(String... names) {
        Optional<String> top = field(names);
        if (top.isPresent()) {
            return top;
        }
        for (String name : names) {
            Optional<String> nested = nearest(data(), node -> value(node, name));
            if (nested.isPresent()) {
                return nested;
            }
        }
        return Optional.empty();
    }

    /**
     * The own {@code Id} of the nearest nested object named one of {@code objectNames} (ignoring case), e.g.
     * the story's in {@code {"Story":{"ID":…}}}.
     */
    public Optional<String> objectId(String... objectNames) {
        for (String objectName : objectNames) {
            Optional<String> id = nearest(data(), node -> {
                JsonNode object = child(node, objectName);
                return object != null && object.isObject() ? value(object, "Id") : Optional.empty();
            });
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    /** The data object's own {@code Id}/{@code ID}: the event's object when it is itself the post or story. */
    public Optional<String> ownId() {
        return value(data(), "Id");
    }

    /** Whether the data object has a plain value under one of these names. */
    public boolean has(String... names) {
        for (String name : names) {
            if (value(data(), name).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The first answer of {@code lookup} over this object and the objects nested in it, breadth first. */
    private static Optional<String> nearest(JsonNode root, Function<JsonNode, Optional<String>> lookup) {
        Deque<JsonNode> level = new ArrayDeque<>();
        level.add(root);
        for (int depth = 0; depth <= MAX_DEPTH && !level.isEmpty(); depth++) {
            Deque<JsonNode> next = new ArrayDeque<>();
            for (JsonNode node : level) {
                Optional<String> found = lookup.apply(node);
                if (found.isPresent()) {
                    return found;
                }
                for (JsonNode child : node) {
                    if (child.isObject()) {
                        next.add(child);
                    } else if (child.isArray()) {
                        child.forEach(element -> {
                            if (element.isObject()) {
                                next.add(element);
                            }
                        });
                    }
                }
            }
            level = next;
        }
        return Optional.empty();
    }

    private static @Nullable JsonNode child(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return null;
    }

    private static Optional<String> value(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            if (field.getKey().equalsIgnoreCase(name) && value.isValueNode() && !value.isNull()
                    && !value.asText().isBlank()) {
                return Optional.of(value.asText());
            }
        }
        return Optional.empty();
    }
}
