package com.oktoslack.oktopost;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Optional;

/** An approval workflow and its steps, in order. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record Workflow(String id,
                       String name,
                       @Nullable String status,
                       List<WorkflowStep> steps) {

    public Workflow {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public Optional<WorkflowStep> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    /** 1-based position of the step, or 0 when the step is not part of this workflow. */
    public int stepNumber(String stepId) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(stepId)) {
                return i + 1;
            }
        }
        return 0;
    }

    public boolean isLastStep(String stepId) {
        return !steps.isEmpty() && steps.get(steps.size() - 1).id().equals(stepId);
    }
}
