package com.oktoslack.approvals;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One Slack message showing an item: due, being posted, posted (channel and ts known), failed or skipped. For
 * a DM the destination is the Slack user id, {@code channelId} the conversation Slack answered with, and
 * {@code stepId} the step it told the approver about (a new step means a new DM); empty for a channel card.
 */
@MappedEntity("approval_card")
record ApprovalCard(@Id @GeneratedValue @Nullable Long id,
                    String entityId,
                    int round,
                    String destination,
                    String stepId,
                    String kind,
                    String status,
                    @Nullable String channelId,
                    @Nullable String ts,
                    long renderedVersion,
                    int attempts,
                    Instant dueAt,
                    @Nullable Instant attemptedAt,
                    @Nullable String note,
                    Instant createdAt) {

    static final String CHANNEL = "channel";
    static final String DM = "dm";

    static final String DUE = "due";
    static final String POSTING = "posting";
    static final String POSTED = "posted";
    static final String FAILED = "failed";
    static final String SKIPPED = "skipped";

    boolean isDm() {
        return DM.equals(kind);
    }
}
