package com.oktoslack.stories;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A submitted Share or Suggest-as-story modal, keyed by Slack's view id. {@code payload} is the JSON plan,
 * rewritten as steps complete.
 */
@MappedEntity("story_request")
record StoryRequest(@Id String viewId,
                    String kind,
                    String slackUserId,
                    String payload,
                    String status,
                    int attempts,
                    Instant nextAttemptAt,
                    @Nullable String lastError,
                    Instant createdAt,
                    Instant updatedAt) {

    static final String NEW = "new";
    static final String WORKING = "working";
    static final String RETRY = "retry";
    static final String DONE = "done";
    static final String FAILED = "failed";
}
