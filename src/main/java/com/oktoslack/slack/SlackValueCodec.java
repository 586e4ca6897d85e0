package com.oktoslack.slack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;

import java.util.Optional;

/**
 * Small records carried by Slack between requests (a button's value, a modal's private metadata) as JSON, all
 * written and read with this one mapper. What comes back is from Slack, but a stale or hand-made value must be
 * told apart from a good one: unreadable text reads as empty, and callers check the fields they need. Nulls are
 * left out (button values are limited to {@value BlockKitLimits#BUTTON_VALUE} characters), and fields this
 * version does not know are ignored, so a value written before a deploy still reads after it.
 */
public final class SlackValueCodec {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SlackValueCodec() {
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
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
