package com.oktoslack.approvals;

import java.util.Set;

/**
 * An item was stored, decided, or moved on: {@code oktopostUserIds} are its approvers before and after, and its
 * author, whose views of it (their App Home) are now out of date. Published inside the change's transaction.
 */
public record ApprovalItemChanged(String entityId, Set<String> oktopostUserIds) {

    public ApprovalItemChanged {
        oktopostUserIds = Set.copyOf(oktopostUserIds);
    }
}
