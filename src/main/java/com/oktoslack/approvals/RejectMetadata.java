package com.oktoslack.approvals;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.oktoslack.slack.CompactJson;
import io.micronaut.core.annotation.Nullable;

import java.util.Optional;

/** The reject form's private metadata: what is rejected, and where to answer the person afterwards. */
record RejectMetadata(@JsonProperty("ref") CardRef ref, @JsonProperty("channel") @Nullable String channelId) {

    String toJson() {
        return CompactJson.write(this);
    }

    static Optional<RejectMetadata> parse(@Nullable String text) {
        return CompactJson.read(text, RejectMetadata.class).filter(metadata -> metadata.ref() != null);
    }
}
