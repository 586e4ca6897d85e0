package com.oktoslack.approvals;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A decision a Slack user took on a card, stored before the ack so it is carried out even when the process
 * stops right after: who, on what (item, round, step), approve or reject with the note, and where to answer.
 */
@MappedEntity("approval_intent")
record ApprovalDecisionIntent(@Id String id,
                              String entityId,
                              int round,
                              String stepId,
                              String slot,
                              String slackUserId,
                              boolean approve,
                              @Nullable String note,
                              @Nullable String answerChannel,
                              boolean confirm,
                              String status,
                              @Nullable String owner,
                              @Nullable Instant leaseUntil,
                              int attempts,
                              @Nullable String outcome,
                              Instant createdAt,
                              Instant updatedAt) {

    static final String LIVE = "live";
    static final String OPEN = "open";
    static final String SENDING = "sending";
    static final String DONE = "done";
    static final String FAILED = "failed";

    /** The decision call may have reached Oktopost: what it did must be read before calling again. */
    boolean maybeSent() {
        return SENDING.equals(status);
    }

    ApprovalStates.Claim claim() {
        return new ApprovalStates.Claim(id, entityId, round, stepId, slackUserId, approve, approve ? null : note);
    }
}
