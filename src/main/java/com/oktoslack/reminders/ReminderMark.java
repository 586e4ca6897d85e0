package com.oktoslack.reminders;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** When an approver was last reminded of an item in a round; {@code slackUserId} '' is the item's escalation. */
@MappedEntity("reminder_mark")
record ReminderMark(@Id @GeneratedValue @Nullable Long id,
                    String entityId,
                    int round,
                    String slackUserId,
                    @Nullable Instant remindedAt,
                    @Nullable Instant escalatedAt) {

    static final String ESCALATION = "";
}
