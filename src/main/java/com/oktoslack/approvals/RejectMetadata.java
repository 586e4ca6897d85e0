package com.oktoslack.approvals;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;

import java.util.Optional;

/** The reject form's private metadata: what is rejected, and where to answer the person afterwards. */
record RejectMetadata(@JsonProperty("ref") CardRef ref, @JsonProperty("channel") @Nullable String channelId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Optional<RejectMetadata> parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            RejectMetadata metadata = JSON.readValue(text, RejectMetadata.class);
            return metadata.ref() == null ? Optional.empty() : Optional.of(metadata);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
