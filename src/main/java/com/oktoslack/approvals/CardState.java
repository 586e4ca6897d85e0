package com.oktoslack.approvals;

import java.util.List;

/** Everything a card shows: the item's content, the step it waits in or ended at, and what happened so far. */
record CardState(String entityId,
                 int round,
                 String status,
                 CardContent content,
                 StepInfo step,
                 List<ApprovalDecision> decisions,
                 long version) {

    CardState {
        decisions = List.copyOf(decisions);
    }

    boolean isPending() {
        return ApprovalItem.PENDING.equals(status);
    }

    CardRef ref() {
        return new CardRef(entityId, round, step.stepId());
    }
}
