package com.oktoslack.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.oktopost.OktopostException;
import com.oktoslack.oktopost.WorkflowItem;
import com.oktoslack.people.People;
import com.oktoslack.people.PersonLink;
import com.oktoslack.slack.Mrkdwn;
import com.oktoslack.slack.SlackUsers;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Carries out one stored decision: one {@code POST /workflow-item/{entityId}} with the step the card showed
 * (so Oktopost changes nothing if the item moved on meanwhile) and a note naming the Slack user; then the item
 * is stored as Oktopost answered and every card of it is updated. A decision resumed after the call may have
 * reached Oktopost first reads the item: anything but pending at that step means the call got through, and
 * it is recorded without a second call.
 */
@Singleton
class Decider {

    private static final Logger LOG = LoggerFactory.getLogger(Decider.class);
    static final String UNANSWERED = "unanswered";

    private final Oktopost oktopost;
    private final ApprovalStates states;
    private final ApprovalDecisionIntentRepository intents;
    private final WorkflowItemLookup scan;
    private final StepCatalog catalog;
    private final CardUpdater updater;
    private final CardPublisher publisher;
    private final SlackUsers slackUsers;
    private final People people;
    private final Clock clock;
    private final int attempts;
    private final Duration retryAfter;

    Decider(Oktopost oktopost, ApprovalStates states, ApprovalDecisionIntentRepository intents, WorkflowItemLookup scan,
            StepCatalog catalog, CardUpdater updater, CardPublisher publisher, SlackUsers slackUsers, People people,
            Clock clock, ApprovalSettings settings) {
        this.oktopost = oktopost;
        this.states = states;
        this.intents = intents;
        this.scan = scan;
        this.catalog = catalog;
        this.updater = updater;
        this.publisher = publisher;
        this.slackUsers = slackUsers;
        this.people = people;
        this.clock = clock;
        this.attempts = settings.decisionAttempts();
        this.retryAfter = settings.decisionRetryAfter();
    }

    /**
     * What to tell the person privately, or null when the updated card says it all. {@code owner} is the
     * process holding the decision; {@code resumed} when it was taken up after an interruption.
     */
    @Nullable
    String decide(ApprovalDecisionIntent intent, boolean resumed, String owner) throws InterruptedException {
        Optional<ApprovalItem> found = states.item(intent.entityId());
        if (found.isEmpty() || found.get().round() != intent.round()) {
            states.finish(intent, ApprovalDecisionIntent.FAILED, "gone");
            return "Your " + verb(intent) + " was not sent: the item is no longer in this approval round.";
        }
        ApprovalItem item = found.get();
        StepInfo step = states.state(item).step();
        WorkflowItem result = null;
        if (resumed) {
            WorkflowItemLookup.Result read = scan.find(List.of(item.entityId()), item.workflowId(), intent.maybeSent());
            WorkflowItem seen = read.item(item.entityId());
            if (seen == null && !read.complete()) {
                return postpone(intent, owner, null);
            }
            boolean waits = seen != null && seen.isPending() && intent.stepId().equals(seen.stepId());
            if (!waits && !intent.maybeSent()) {
                states.finish(intent, ApprovalDecisionIntent.DONE, ApprovalStates.Outcome.STALE.name());
                states.observe(seen == null ? OktopostItemState.removed(item.entityId()) : OktopostItemState.of(seen, stepOf(seen, item)));
                updater.syncChannelFirst(item.entityId());
                return "Your " + verb(intent) + " of " + step.label() + " was not sent: in Oktopost the item had "
                        + "already moved on. Its cards now show where it is.";
            }
            if (!waits) {
                result = seen != null ? seen : settledBy(intent, item);
            } else if (intent.maybeSent() && intent.approve() && step.everyone() && carries(seen.history(), noteFor(intent))) {
                result = seen;
            }
        }
        if (result == null) {
            if (intents.markSending(intent.id(), owner, clock.instant()) != 1) {
                return null;
            }
            try {
                result = oktopost.decide(item.entityId(), intent.approve(), noteFor(intent), intent.stepId());
            } catch (OktopostException.RateLimited | OktopostException.ServerError | OktopostException.Unreachable e) {
                LOG.info("The decision on {} got no answer from Oktopost ({}); it is checked again later",
                        item.entityId(), e.toString());
                return postpone(intent, owner, e);
            } catch (OktopostException e) {
                states.finish(intent, ApprovalDecisionIntent.FAILED, "refused");
                return refused(intent, step, e);
            }
        }
        StepInfo resultStep = result.isPending() && !item.stepId().equals(result.stepId()) ? stepOf(result, item) : null;
        ApprovalStates.Outcome outcome = states.decided(intent.claim(), result, resultStep);
        updater.syncChannelFirst(item.entityId());
        // The next step's approvers get their DMs now rather than on the next publishing round.
        publisher.kick();
        CardState decided = states.state(item);
        String what = intent.approve() ? "Approved" : "Rejected";
        return switch (outcome) {
            case STALE -> "Nothing changed: in Oktopost the item had already moved on from " + step.label()
                    + ". Its cards now show where it is.";
            case PARTIAL -> "You approved " + step.label() + "; it waits for the other approvers.";
            case APPLIED -> intent.confirm() || resumed ? what + ": the " + decided.content().what() + " at "
                    + step.label() + "." : null;
        };
    }

    /** The decision call got no answer: the lease is let go so a later round reads what Oktopost did and finishes. */
    @Nullable
    private String postpone(ApprovalDecisionIntent intent, String owner, @Nullable OktopostException e) {
        if (intent.attempts() + 1 >= attempts) {
            states.finish(intent, ApprovalDecisionIntent.FAILED, UNANSWERED);
            return "Oktopost did not answer your " + verb(intent) + " after " + attempts + " tries; please check the item "
                    + "in Oktopost." + quotedNote(intent);
        }
        Duration wait = e instanceof OktopostException.RateLimited limited && limited.retryAfter() != null
                ? limited.retryAfter() : retryAfter;
        intents.postpone(intent.id(), owner, clock.instant().plus(wait));
        return intent.attempts() == 0 && e != null
                ? "Oktopost is not answering right now; I will finish your " + verb(intent) + " as soon as it does."
                + quotedNote(intent) : null;
    }

    private String refused(ApprovalDecisionIntent intent, StepInfo step, OktopostException e) {
        String why = e instanceof OktopostException.Rejected ? "Oktopost said: " + e.getMessage()
                : e instanceof OktopostException.NotFound ? "Oktopost could not find the item, or does not show it to this app's API user."
                : e instanceof OktopostException.Forbidden ? "Oktopost does not allow this app's API user to decide on it."
                : "Oktopost refused it (" + e.status() + ").";
        return "Your " + verb(intent) + " of " + step.label() + " did not go through. " + why + quotedNote(intent);
    }

    /** The note, quoted, so a failed rejection loses nothing the person wrote. */
    private static String quotedNote(ApprovalDecisionIntent intent) {
        if (intent.approve() || intent.note() == null || intent.note().isBlank()) {
            return "";
        }
        return "\nYour note, to use again:\n> " + Mrkdwn.escape(intent.note().strip()).replace("\n", "\n> ");
    }

    private static String verb(ApprovalDecisionIntent intent) {
        return intent.approve() ? "approval" : "rejection";
    }

    /** An item Oktopost no longer lists after our call: the call decided it. */
    private static WorkflowItem settledBy(ApprovalDecisionIntent intent, ApprovalItem item) {
        return new WorkflowItem("", null, intent.approve() ? WorkflowItem.APPROVED : WorkflowItem.REJECTED,
                intent.stepId(), item.workflowId(), null, null, null, item.entityId(), null, null, null);
    }

    /** Whether the item's history (shape undocumented, so read loosely) holds an entry with exactly this note. */
    private static boolean carries(@Nullable JsonNode history, String note) {
        if (history == null || !history.isArray()) {
            return false;
        }
        for (JsonNode entry : history) {
            for (JsonNode value : entry) {
                if (value.isTextual() && value.asText().equals(note)) {
                    return true;
                }
            }
        }
        return false;
    }

    private String noteFor(ApprovalDecisionIntent intent) {
        String who = nameOf(intent.slackUserId());
        return intent.approve() ? "Approved in Slack by " + who
                : "Rejected in Slack by " + who + ": " + (intent.note() == null ? "" : intent.note().strip());
    }

    /** The next step's details; when Oktopost will not say now, the next reconciliation fills them in. */
    private @Nullable StepInfo stepOf(WorkflowItem result, ApprovalItem item) {
        if (!result.isPending() || result.stepId() == null) {
            return null;
        }
        try {
            return catalog.step(result.workflowId() == null ? item.workflowId() : result.workflowId(), result.stepId(), null);
        } catch (OktopostException e) {
            LOG.warn("The step {} of item {} could not be read: {}", result.stepId(), item.entityId(), e.toString());
            String workflowName = states.state(item).step().workflowName();
            return new StepInfo(workflowName, result.stepId(), "the next step", 0, 0, false, List.of());
        }
    }

    private String nameOf(String slackUserId) {
        try {
            return slackUsers.user(slackUserId).name() + " (Slack user " + slackUserId + ")";
        } catch (Exception e) {
            Optional<PersonLink> link = people.linkOf(slackUserId);
            String name = link.map(l -> l.oktopostUserName() != null ? l.oktopostUserName() : l.email()).orElse("someone");
            return name + " (Slack user " + slackUserId + ")";
        }
    }
}
