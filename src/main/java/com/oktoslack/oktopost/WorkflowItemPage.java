package com.oktoslack.oktopost;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Workflow items plus, when asked for, the people who created them and the steps they sit in, by id, so a
 * list can be shown without one call per item.
 */
public record WorkflowItemPage(List<WorkflowItem> items,
                               int total,
                               Map<String, Person> authors,
                               Map<String, WorkflowStep> steps) {

    public WorkflowItemPage {
        items = items == null ? List.of() : List.copyOf(items);
        authors = authors == null ? Map.of() : Map.copyOf(authors);
        steps = steps == null ? Map.of() : Map.copyOf(steps);
    }

    public Optional<Person> author(WorkflowItem item) {
        return Optional.ofNullable(item.createdBy()).map(authors::get);
    }

    public Optional<WorkflowStep> step(WorkflowItem item) {
        return Optional.ofNullable(item.stepId()).map(steps::get);
    }
}
