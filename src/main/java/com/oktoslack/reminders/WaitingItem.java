package com.oktoslack.reminders;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A pending item as approvals store it ({@code approval_item}), read here without asking Oktopost: {@code step}
 * and {@code content} are the JSON the cards render from, {@code approverIds} is {@code ,id,id,}.
 * {@code waitingSince}: when it reached its current step (see the query in {@link ReminderMarkRepository}). Mapped
 * as an entity, never written, so that each column is read as its declared type on either database (SQLite keeps
 * instants as numbers).
 */
@MappedEntity("approval_item")
record WaitingItem(@Id String entityId,
                   int round,
                   String workflowId,
                   String stepId,
                   String step,
                   String approverIds,
                   String content,
                   Instant waitingSince) {
}
