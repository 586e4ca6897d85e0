package com.oktoslack.reminders;

import io.micronaut.core.annotation.Introspected;

import java.time.Instant;

/**
 * A pending item as approvals store it ({@code approval_item}), read here without asking Oktopost: {@code step}
 * and {@code content} are the JSON the cards render from, {@code approverIds} is {@code ,id,id,}.
 * {@code waitingSince}: when it reached its current step (see the query in {@link ReminderMarkRepository}).
 */
@Introspected
record WaitingItem(String entityId,
                   int round,
                   String workflowId,
                   String stepId,
                   String step,
                   String approverIds,
                   String content,
                   Instant waitingSince) {
}
