package com.oktoslack.approvals;

import io.micronaut.core.annotation.Nullable;

/** An item found pending in Oktopost after a {@code newApprovalItem} event, ready to get its cards. */
record NewItem(String entityId, String entityType, String workflowId, StepInfo step, CardContent content,
               @Nullable String authorId) {
}
