package com.oktoslack.approvals;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.oktoslack.slack.SlackValueCodec;
import io.micronaut.core.annotation.Nullable;

import java.util.Optional;

/** The reject form's private metadata: what is rejected, and where to answer the person afterwards. */
record RejectMetadata(@JsonProperty("ref") CardRef ref, @JsonProperty("channel") @Nullable String channelId) {

    String toJson() {
        return SlackValueCodec.write(this);
    }

    static Optional<RejectMetadata> parse(@Nullable String text) {
        return SlackValueCodec.read(text, RejectMetadata.class).filter(metadata -> metadata.ref() != null);
    }
}
