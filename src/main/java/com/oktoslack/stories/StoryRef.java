package com.oktoslack.stories;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.oktoslack.slack.SlackValueCodec;
import io.micronaut.core.annotation.Nullable;

import java.util.Optional;

/** A story and, when known, its board: what a Share button carries, as {@code {"s":"<story>","b":"<board>"}}. */
record StoryRef(@JsonProperty("s") String storyId, @JsonProperty("b") @Nullable String boardId) {

    String toJson() {
        return SlackValueCodec.write(this);
    }

    static Optional<StoryRef> parse(@Nullable String value) {
        return SlackValueCodec.read(value, StoryRef.class)
                .filter(ref -> ref.storyId() != null && !ref.storyId().isBlank())
                .map(ref -> ref.boardId() != null && ref.boardId().isBlank() ? new StoryRef(ref.storyId(), null) : ref);
    }
}
