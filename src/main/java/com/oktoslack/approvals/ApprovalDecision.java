package com.oktoslack.approvals;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One thing that happened to an item at a step: approved, rejected or removed; by a Slack user or in Oktopost. */
@MappedEntity("approval_decision")
record ApprovalDecision(@Id @GeneratedValue @Nullable Long id,
                        String entityId,
                        int round,
                        String stepId,
                        String stepLabel,
                        String outcome,
                        @Nullable String slackUserId,
                        @Nullable String byName,
                        @Nullable String note,
                        String source,
                        Instant decidedAt) {

    static final String SLACK = "slack";
    static final String OKTOPOST = "oktopost";
}
