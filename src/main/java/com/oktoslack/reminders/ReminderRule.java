package com.oktoslack.reminders;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Duration;
import java.time.Instant;

/** A workflow's reminder threshold and, optionally, when and where a waiting item is escalated (seconds). */
@MappedEntity("reminder_rule")
record ReminderRule(@Id String workflowId,
                    String workflowName,
                    long remindAfter,
                    @Nullable Long escalateAfter,
                    @Nullable String escalateChannel,
                    String setBy,
                    Instant updatedAt) {

    Duration remind() {
        return Duration.ofSeconds(remindAfter);
    }

    @Nullable
    Duration escalate() {
        return escalateAfter == null || escalateChannel == null ? null : Duration.ofSeconds(escalateAfter);
    }
}
