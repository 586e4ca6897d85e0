package com.oktoslack.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;

import java.util.Optional;

/**
 * Small records carried by Slack between requests (a button's value, a modal's private metadata) as JSON.
 * What comes back is from Slack, but a stale or hand-made value must be told apart from a good one.
 */
public final class CompactJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CompactJson() {
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Empty when the text is missing or not a {@code type}. */
    public static <T> Optional<T> read(@Nullable String text, Class<T> type) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JSON.readValue(text, type));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
