package com.oktoslack.approvals;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * An item as the cards show it. {@code step} and {@code content} are JSON ({@link StepInfo}, {@link CardContent});
 * {@code approverIds} repeats the step's approvers as {@code ,id,id,} for queries and click checks.
 * {@code decidingBy} and {@code decidingSince} are no longer written: decisions under way are
 * {@link ApprovalDecisionIntent}s.
 */
@MappedEntity("approval_item")
record ApprovalItem(@Id String entityId,
                    int round,
                    String entityType,
                    String workflowId,
                    String stepId,
                    String step,
                    String approverIds,
                    String status,
                    String content,
                    @Nullable String authorId,
                    @Nullable String decidingBy,
                    @Nullable Instant decidingSince,
                    String authorNotice,
                    long version,
                    Instant createdAt,
                    Instant updatedAt) {

    static final String PENDING = "pending";
    static final String APPROVED = "approved";
    static final String REJECTED = "rejected";
    static final String REMOVED = "removed";

    static final String NOTICE_NONE = "none";
    static final String NOTICE_DUE = "due";
    static final String NOTICE_SENT = "sent";

    boolean isPending() {
        return PENDING.equals(status);
    }

    boolean hasApprover(String oktopostUserId) {
        return approverIds.contains("," + oktopostUserId + ",");
    }

    static String approverIds(StepInfo step) {
        StringBuilder ids = new StringBuilder(",");
        step.approvers().forEach(a -> ids.append(a.id()).append(','));
        return ids.toString();
    }
}
