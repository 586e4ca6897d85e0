package com.oktoslack.approvals;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;

import java.util.Optional;

/**
 * What an Approve or Reject button acts on: the item, its approval round and the step the card showed, so a
 * click on an out-of-date card is recognised. Carried as small JSON in the button's value.
 */
record CardRef(@JsonProperty("e") String entityId, @JsonProperty("r") int round, @JsonProperty("s") String stepId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Optional<CardRef> parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            CardRef ref = JSON.readValue(value, CardRef.class);
            return ref.entityId() == null || ref.stepId() == null ? Optional.empty() : Optional.of(ref);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
