package com.oktoslack.oktopost;

import io.micronaut.core.annotation.Nullable;

/**
 * Filters for {@code GET /workflow-item}. Unlike other lists it pages with {@code page}/{@code count},
 * and {@code count} goes up to 1000.
 */
public record WorkflowItemQuery(@Nullable String workflowId,
                                @Nullable String stepId,
                                int page,
                                int count,
                                boolean withSteps,
                                boolean withAuthors,
                                boolean withHistory) {

    public static final int MAX_COUNT = 1000;

    public WorkflowItemQuery {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more");
        }
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count must be between 1 and " + MAX_COUNT);
        }
    }

    /** Every workflow, first page of 1000, with steps and authors. */
    public static WorkflowItemQuery all() {
        return new WorkflowItemQuery(null, null, 0, MAX_COUNT, true, true, false);
    }

    public static WorkflowItemQuery inWorkflow(@Nullable String workflowId) {
        return all().withWorkflowId(workflowId);
    }

    public WorkflowItemQuery withWorkflowId(@Nullable String id) {
        return new WorkflowItemQuery(id, stepId, page, count, withSteps, withAuthors, withHistory);
    }

    public WorkflowItemQuery withPage(int newPage) {
        return new WorkflowItemQuery(workflowId, stepId, newPage, count, withSteps, withAuthors, withHistory);
    }

    public WorkflowItemQuery withCount(int newCount) {
        return new WorkflowItemQuery(workflowId, stepId, page, newCount, withSteps, withAuthors, withHistory);
    }

    public WorkflowItemQuery withHistory(boolean history) {
        return new WorkflowItemQuery(workflowId, stepId, page, count, withSteps, withAuthors, history);
    }
}
