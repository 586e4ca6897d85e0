package com.oktoslack.approvals;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * The step an item waits in: its place in the workflow (number 0 when unknown) and who may approve it.
 * With {@code everyone}, every approver must approve before the item moves on.
 */
record StepInfo(String workflowName,
                String stepId,
                String name,
                int number,
                int count,
                boolean everyone,
                List<Approver> approvers) {

    record Approver(String id, String name) {
    }

    StepInfo {
        approvers = approvers == null ? List.of() : List.copyOf(approvers);
    }

    /** "step 2 of 3: Manager Confirmation". */
    String label() {
        return number > 0 && count > 0 ? "step " + number + " of " + count + ": " + name : "step: " + name;
    }

    boolean isLast() {
        return number > 0 && number == count;
    }

    @Nullable
    String approverName(String oktopostUserId) {
        return approvers.stream().filter(a -> a.id().equals(oktopostUserId)).map(Approver::name).findFirst().orElse(null);
    }
}
