package com.oktoslack.results;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A post the app made for someone, or carded for approval, and what became of it (see V15__post_results.sql). */
@MappedEntity("post_result")
record PostResult(@Id String postId,
                  @Nullable String slackUserId,
                  String source,
                  String status,
                  @Nullable String outcome,
                  @Nullable String remoteUrl,
                  @Nullable String label,
                  @Nullable String reason,
                  boolean told,
                  @Nullable Instant sentAt,
                  @Nullable String stats,
                  boolean statsTold,
                  Instant createdAt,
                  Instant updatedAt) {

    static final String SCHEDULED = "schedule";
    static final String SHARED = "share";
    static final String CARDED = "card";

    static final String WAITING = "waiting";
    static final String LIVE = "live";
    static final String FAILED = "failed";

    boolean settled() {
        return !WAITING.equals(status);
    }
}
