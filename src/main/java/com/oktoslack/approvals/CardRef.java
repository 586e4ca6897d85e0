package com.oktoslack.approvals;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.oktoslack.slack.SlackValueCodec;
import io.micronaut.core.annotation.Nullable;

import java.util.Optional;

/**
 * What an Approve or Reject button acts on: the item, its approval round and the step the card showed, so a
 * click on an out-of-date card is recognised. Carried as small JSON in the button's value.
 */
record CardRef(@JsonProperty("e") String entityId, @JsonProperty("r") int round, @JsonProperty("s") String stepId) {

    String toJson() {
        return SlackValueCodec.write(this);
    }

    static Optional<CardRef> parse(@Nullable String value) {
        return SlackValueCodec.read(value, CardRef.class).filter(ref -> ref.entityId() != null && ref.stepId() != null);
    }
}
