package com.oktoslack.approvals;

import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.oktopost.OktopostException;
import com.oktoslack.oktopost.Person;
import com.oktoslack.oktopost.Workflow;
import com.oktoslack.oktopost.WorkflowStep;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a step sits in its workflow and who approves it. Workflows come from the facade's cached list; one
 * unknown to that list (created since) is read once by id. Approvers come from the item list's own steps
 * when it has them, as those are the freshest.
 */
@Singleton
class StepCatalog {

    private final Oktopost oktopost;
    private final Map<String, Workflow> readById = new ConcurrentHashMap<>();
    /** Steps already looked for by reading their workflow, so a step Oktopost does not list costs one call, not one per item. */
    private final Set<String> lookedFor = ConcurrentHashMap.newKeySet();

    StepCatalog(Oktopost oktopost) {
        this.oktopost = oktopost;
    }

    StepInfo step(String workflowId, String stepId, @Nullable WorkflowStep listed) {
        Workflow workflow = workflow(workflowId, stepId);
        Optional<WorkflowStep> inWorkflow = workflow == null ? Optional.empty() : workflow.step(stepId);
        WorkflowStep step = listed != null ? listed : inWorkflow.orElse(null);
        String workflowName = workflow == null ? "Workflow " + workflowId : workflow.name();
        int number = workflow == null ? 0 : workflow.stepNumber(stepId);
        int count = workflow == null ? 0 : workflow.steps().size();
        if (step == null) {
            return new StepInfo(workflowName, stepId, "Step " + stepId, number, count, false, List.of());
        }
        List<StepInfo.Approver> approvers = step.approvers().stream()
                .map((Person p) -> new StepInfo.Approver(p.id(), p.name() == null ? p.id() : p.name()))
                .toList();
        return new StepInfo(workflowName, stepId, step.name(), number, count, step.mustBeApprovedByEveryone(), approvers);
    }

    private @Nullable Workflow workflow(String workflowId, String stepId) {
        Optional<Workflow> cached = oktopost.workflows().stream().filter(w -> w.id().equals(workflowId)).findFirst();
        if (cached.isPresent() && cached.get().stepNumber(stepId) > 0) {
            return cached.get();
        }
        Workflow known = readById.get(workflowId);
        if (known != null && known.stepNumber(stepId) > 0) {
            return known;
        }
        if (!lookedFor.add(workflowId + "/" + stepId)) {
            return known != null ? known : cached.orElse(null);
        }
        try {
            Workflow fresh = oktopost.workflow(workflowId);
            readById.put(workflowId, fresh);
            return fresh;
        } catch (OktopostException.NotFound gone) {
            return cached.orElse(null);
        }
    }
}
