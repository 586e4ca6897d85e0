package com.oktoslack.stories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;

import java.io.IOException;
import java.util.Optional;

/** A story and, when known, its board: what a Share button carries, as {@code {"s":"<story>","b":"<board>"}}. */
record StoryRef(String storyId, @Nullable String boardId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    String toJson() {
        ObjectNode node = JSON.createObjectNode().put("s", storyId);
        if (boardId != null) {
            node.put("b", boardId);
        }
        return node.toString();
    }

    static Optional<StoryRef> parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(value);
            String story = node.path("s").asText("");
            if (story.isBlank()) {
                return Optional.empty();
            }
            String board = node.path("b").asText("");
            return Optional.of(new StoryRef(story, board.isBlank() ? null : board));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
