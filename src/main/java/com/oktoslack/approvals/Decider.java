package com.oktoslack.approvals;

import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.oktopost.OktopostException;
import com.oktoslack.oktopost.WorkflowItem;
import com.oktoslack.people.PersonLink;
import com.oktoslack.slack.SlackUsers;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Carries out a claimed decision after the ack: one {@code POST /workflow-item/{entityId}} with the step the
 * card showed (so Oktopost changes nothing if the item moved on meanwhile) and a note naming the Slack user;
 * then the item is stored as Oktopost answered and every card of it is updated.
 */
@Singleton
class Decider {

    private static final Logger LOG = LoggerFactory.getLogger(Decider.class);

    private final Oktopost oktopost;
    private final ApprovalItemRepository items;
    private final ApprovalStates states;
    private final StepCatalog catalog;
    private final CardUpdater updater;
    private final CardPublisher publisher;
    private final SlackUsers slackUsers;

    Decider(Oktopost oktopost, ApprovalItemRepository items, ApprovalStates states, StepCatalog catalog,
            CardUpdater updater, CardPublisher publisher, SlackUsers slackUsers) {
        this.oktopost = oktopost;
        this.items = items;
        this.states = states;
        this.catalog = catalog;
        this.updater = updater;
        this.publisher = publisher;
        this.slackUsers = slackUsers;
    }

    /** What to tell the person privately, or null when the updated card says it all. */
    @Nullable
    String decide(ClickCheck.Allowed claimed, String slackUserId, boolean approve, @Nullable String note, boolean confirm)
            throws InterruptedException {
        ApprovalItem item = claimed.item();
        String who = nameOf(slackUserId, claimed.link());
        String oktopostNote = approve ? "Approved in Slack by " + who
                : "Rejected in Slack by " + who + ": " + (note == null ? "" : note.strip());
        WorkflowItem result;
        try {
            result = oktopost.decide(item.entityId(), approve, oktopostNote, item.stepId());
        } catch (RuntimeException e) {
            items.release(item.entityId(), slackUserId);
            throw e;
        }
        StepInfo resultStep = result.isPending() && !item.stepId().equals(result.stepId()) ? stepOf(result, item) : null;
        ApprovalStates.Claim claim = new ApprovalStates.Claim(item.entityId(), item.round(), item.stepId(), slackUserId,
                approve, approve ? null : note);
        ApprovalStates.Outcome outcome = states.decided(claim, result, resultStep);
        updater.syncChannelFirst(item.entityId());
        // The next step's approvers get their DMs now rather than on the next publishing round.
        publisher.kick();
        CardState decided = states.state(item);
        StepInfo step = decided.step();
        return switch (outcome) {
            case STALE -> "Nothing changed: in Oktopost the item had already moved on from " + step.label()
                    + ". Its cards now show where it is.";
            case PARTIAL -> "You approved " + step.label() + "; it waits for the other approvers.";
            case APPLIED -> confirm ? (approve ? "Approved" : "Rejected") + ": the " + decided.content().what()
                    + " at " + step.label() + "." : null;
        };
    }

    /** The next step's details; when Oktopost will not say now, the next reconciliation fills them in. */
    private @Nullable StepInfo stepOf(WorkflowItem result, ApprovalItem item) {
        try {
            return catalog.step(result.workflowId() == null ? item.workflowId() : result.workflowId(), result.stepId(), null);
        } catch (OktopostException e) {
            LOG.warn("The step {} of item {} could not be read: {}", result.stepId(), item.entityId(), e.toString());
            String workflowName = states.state(item).step().workflowName();
            return new StepInfo(workflowName, result.stepId(), "the next step", 0, 0, false, List.of());
        }
    }

    private String nameOf(String slackUserId, PersonLink link) {
        try {
            return slackUsers.user(slackUserId).name() + " (Slack user " + slackUserId + ")";
        } catch (Exception e) {
            String name = link.oktopostUserName() != null ? link.oktopostUserName() : link.email();
            return name + " (Slack user " + slackUserId + ")";
        }
    }
}
