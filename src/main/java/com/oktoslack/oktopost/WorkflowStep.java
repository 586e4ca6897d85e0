package com.oktoslack.oktopost;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** One approval step; with {@code mustBeApprovedByEveryone} false, any one approver moves the item on. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record WorkflowStep(String id,
                           @Nullable String workflowId,
                           String name,
                           boolean mustBeApprovedByEveryone,
                           List<Person> approvers) {

    public WorkflowStep {
        approvers = approvers == null ? List.of() : List.copyOf(approvers);
    }

    public boolean isApprover(String userId) {
        return approvers.stream().anyMatch(p -> p.id().equals(userId));
    }
}
