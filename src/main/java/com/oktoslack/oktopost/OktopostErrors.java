package com.oktoslack.oktopost;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns Oktopost's status and {@code Errors} object into the matching {@link OktopostException}. */
final class OktopostErrors {

    /** Keys that only group messages; the rest name the field a message is about. */
    private static final Set<String> GROUPING_KEYS = Set.of("API", "Error", "Errors", "error", "message", "Message");

    private OktopostErrors() {
    }

    static OktopostException forStatus(int status, String message, @Nullable Duration retryAfter) {
        return switch (status) {
            case 401 -> new OktopostException.Unauthorized(message);
            case 403 -> new OktopostException.Forbidden(message);
            case 404 -> new OktopostException.NotFound(message);
            case 429 -> new OktopostException.RateLimited(429, message, retryAfter);
            default -> status >= 500 || status < 400
                    ? new OktopostException.ServerError(status, message)
                    : new OktopostException.Rejected(status, message);
        };
    }

    /**
     * A readable line from the nested {@code Errors} object: {@code {"API":{"Error":"Not found"}}} gives
     * "Not found", {@code {"campaignId":{"Required":"Missing"}}} gives "campaignId: Missing".
     */
    static @Nullable String describe(@Nullable JsonNode errors) {
        if (errors == null || errors.isNull() || errors.isMissingNode()) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        collect(errors, null, lines);
        return lines.isEmpty() ? null : String.join("; ", lines);
    }

    private static void collect(JsonNode node, @Nullable String field, List<String> lines) {
        if (node.isValueNode()) {
            String text = node.asText().strip();
            if (!text.isEmpty()) {
                lines.add(field == null ? text : field + ": " + text);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, field, lines));
        } else {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String key = entry.getKey();
                boolean grouping = GROUPING_KEYS.contains(key) || key.chars().allMatch(Character::isDigit);
                collect(entry.getValue(), field != null || grouping ? field : key, lines);
            }
        }
    }
}
