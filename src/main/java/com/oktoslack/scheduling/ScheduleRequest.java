package com.oktoslack.scheduling;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One accepted submission of the modal, keyed by Slack's view id so a second submit is recognised. {@code plan}
 * is the {@link ScheduleOrder} and {@code progress} the {@link ScheduleProgress}, both JSON. A request that failed
 * in passing is 'accepted' again with its {@code attempts} counted and its progress kept, due at
 * {@code nextAttemptAt}.
 */
@MappedEntity("schedule_request")
record ScheduleRequest(@Id String viewId,
                       String slackUserId,
                       String plan,
                       String progress,
                       String status,
                       @Nullable String outcome,
                       Instant createdAt,
                       Instant updatedAt,
                       int attempts,
                       @Nullable Instant nextAttemptAt) {

    /** Waiting for its first attempt, or for the next one after a passing failure. */
    static final String ACCEPTED = "accepted";
    static final String RUNNING = "running";
    static final String DONE = "done";
    /** Failed, and everything created was removed again. */
    static final String UNDONE = "undone";
    /** Failed, and something created could not be removed; {@code outcome} says what. */
    static final String FAILED = "failed";
}
