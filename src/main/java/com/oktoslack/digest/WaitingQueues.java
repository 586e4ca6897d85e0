package com.oktoslack.digest;

import com.oktoslack.digest.DigestSnapshot.WaitingItem;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Waiting items counted per workflow and step, each with its oldest; workflows with the oldest item first. */
final class WaitingQueues {

    record StepQueue(String name, int number, int count, @Nullable Instant oldest) {
    }

    record WorkflowQueue(String name, List<StepQueue> steps, int count, @Nullable Instant oldest) {
    }

    private WaitingQueues() {
    }

    static List<WorkflowQueue> of(List<WaitingItem> items) {
        Map<String, Map<String, List<WaitingItem>>> byWorkflow = new LinkedHashMap<>();
        for (WaitingItem item : items) {
            byWorkflow.computeIfAbsent(item.workflowId(), w -> new LinkedHashMap<>())
                    .computeIfAbsent(item.stepId(), s -> new ArrayList<>())
                    .add(item);
        }
        List<WorkflowQueue> queues = new ArrayList<>();
        for (Map<String, List<WaitingItem>> bySteps : byWorkflow.values()) {
            List<StepQueue> steps = bySteps.values().stream()
                    .map(WaitingQueues::stepQueue)
                    .sorted(Comparator.comparingInt((StepQueue s) -> s.number() == 0 ? Integer.MAX_VALUE : s.number())
                            .thenComparing(StepQueue::name))
                    .toList();
            String name = bySteps.values().iterator().next().get(0).workflowName();
            int count = steps.stream().mapToInt(StepQueue::count).sum();
            queues.add(new WorkflowQueue(name, steps, count, oldest(steps.stream().map(StepQueue::oldest).toList())));
        }
        queues.sort(Comparator.comparing(WorkflowQueue::oldest, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(WorkflowQueue::name));
        return queues;
    }

    /** The items whose current step lists this Oktopost user among its approvers, less those they approved already. */
    static List<WaitingItem> forApprover(List<WaitingItem> items, String oktopostUserId, Set<String> approvedAlready) {
        return items.stream()
                .filter(i -> i.approverIds().contains(oktopostUserId) && !approvedAlready.contains(i.entityId()))
                .toList();
    }

    private static StepQueue stepQueue(List<WaitingItem> items) {
        WaitingItem first = items.get(0);
        return new StepQueue(first.stepName(), first.stepNumber(), items.size(),
                oldest(items.stream().map(WaitingItem::since).toList()));
    }

    private static @Nullable Instant oldest(List<Instant> instants) {
        return instants.stream().filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    }
}
