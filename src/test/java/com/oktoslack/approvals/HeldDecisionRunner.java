package com.oktoslack.approvals;

import com.oktoslack.jobs.Jobs;
import com.oktoslack.slack.AfterAck;
import com.oktoslack.slack.PrivateReplies;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * A process that dies right after a decision's ack: decisions are stored and acknowledged, never brought
 * forward (their jobs fall due later, by when the process is gone). Switched on by {@code test.decisions.held=true}.
 */
@Singleton
@Replaces(ApprovalDecisionRunner.class)
@Requires(property = "test.decisions.held", value = "true")
class HeldDecisionRunner extends ApprovalDecisionRunner {

    HeldDecisionRunner(ApprovalDecisionIntentRepository intents, Decider decider, PrivateReplies replies, AfterAck afterAck,
                       Jobs jobs, Clock clock, ApprovalSettings settings) {
        super(intents, decider, replies, afterAck, jobs, clock, settings);
    }

    @Override
    void submit(AfterAck.Work work) {
        // Nothing after the ack: the process is gone before the decision call.
    }
}
