package com.oktoslack.approvals;

import jakarta.inject.Singleton;

import java.util.Set;

/**
 * What no longer waits for a person although they are among its step's approvers: in a step everyone must
 * approve, the items they have already approved from Slack. Oktopost's lists do not say who approved so far.
 */
@Singleton
public class AlreadyApproved {

    private final ApprovalDecisionRepository decisions;

    AlreadyApproved(ApprovalDecisionRepository decisions) {
        this.decisions = decisions;
    }

    /** Entity ids (posts and messages) still waiting at a step this Slack user has approved. */
    public Set<String> by(String slackUserId) {
        return Set.copyOf(decisions.findEntityIdsWaitingAtAStepApprovedBy(slackUserId));
    }
}
