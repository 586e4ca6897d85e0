package com.oktoslack.approvals;

import com.oktoslack.people.People;
import com.oktoslack.people.PersonLink;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Who may press Approve or Reject on a card, decided from stored state alone so the answer is instant: a
 * linked Slack user who is an approver of the step the card shows, while the item still waits there. The
 * claim makes one of two simultaneous clicks the decision; the other is told who is deciding.
 */
@Singleton
class ClickCheck {

    sealed interface Verdict permits Allowed, Refused {
    }

    /** {@code intent}: the decision stored by {@link #claim}; null after a mere {@link #check}. */
    record Allowed(ApprovalItem item, PersonLink link, @Nullable ApprovalDecisionIntent intent) implements Verdict {
    }

    /** Why not, in words; {@code notLinked} when linking the person might be all that is missing. */
    record Refused(String message, boolean notLinked) implements Verdict {
        Refused(String message) {
            this(message, false);
        }
    }

    private final ApprovalItemRepository items;
    private final ApprovalDecisionRepository decisions;
    private final ApprovalDecisionRunner runner;
    private final ItemJson json;
    private final People people;

    ClickCheck(ApprovalItemRepository items, ApprovalDecisionRepository decisions, ApprovalDecisionRunner runner,
               ItemJson json, People people) {
        this.items = items;
        this.decisions = decisions;
        this.runner = runner;
        this.json = json;
        this.people = people;
    }

    /** Whether the user may decide on what the card shows (e.g. before opening the reject form). */
    Verdict check(String slackUserId, CardRef ref) {
        Optional<ApprovalItem> found = items.findById(ref.entityId());
        if (found.isEmpty()) {
            return new Refused("I have no record of this item any more; it may have been removed from Oktopost.");
        }
        ApprovalItem item = found.get();
        Optional<Refused> outOfDate = outOfDate(item, ref);
        if (outOfDate.isPresent()) {
            return outOfDate.get();
        }
        StepInfo step = json.step(item);
        Optional<PersonLink> link = people.linkOf(slackUserId);
        if (link.isEmpty()) {
            return new Refused("Only the approvers of " + step.label() + " can decide on this, and I do not know who you are "
                    + "in Oktopost yet. Run `/okto link` to link your Slack account, then try again.", true);
        }
        if (!link.get().isOktopostUser()) {
            return new Refused("You are linked to Oktopost as an advocate only (" + link.get().email() + "); deciding on "
                    + "approvals needs an Oktopost user who is an approver of " + step.label() + ".");
        }
        if (!item.hasApprover(link.get().oktopostUserId())) {
            String approvers = step.approvers().isEmpty() ? "Oktopost lists no approvers for it"
                    : step.approvers().stream().map(StepInfo.Approver::name).collect(Collectors.joining(", "));
            return new Refused("Only the approvers of " + step.label() + " can decide on this (" + approvers + ").");
        }
        if (step.everyone() && decisions.existsByEntityIdAndRoundAndStepIdAndOutcomeAndSlackUserId(item.entityId(),
                item.round(), item.stepId(), ApprovalItem.APPROVED, slackUserId)) {
            return new Refused("You already approved " + step.label() + "; it waits for the other approvers.");
        }
        Optional<ApprovalDecisionIntent> live = runner.live(item);
        if (live.isPresent() && !slackUserId.equals(live.get().slackUserId())) {
            return deciding(slackUserId, live.get());
        }
        return new Allowed(item, link.get(), null);
    }

    /**
     * As {@link #check}, and stores the decision for this user before anything is acknowledged: no one else
     * can decide on the item at this step until it is done.
     */
    Verdict claim(String slackUserId, CardRef ref, ApprovalDecisionRunner.Request request) {
        Verdict verdict = check(slackUserId, ref);
        if (!(verdict instanceof Allowed allowed)) {
            return verdict;
        }
        Optional<ApprovalDecisionIntent> stored = runner.record(allowed.item(), slackUserId, request);
        if (stored.isPresent()) {
            // A decision taken between the check and the record (another click, on any replica, that finished
            // in between) has moved the item on: this one would be a second decision call.
            Verdict still = check(slackUserId, ref);
            if (still instanceof Refused refused) {
                runner.abandon(stored.get());
                return refused;
            }
            return new Allowed(allowed.item(), allowed.link(), stored.get());
        }
        ApprovalItem current = items.findById(ref.entityId()).orElse(allowed.item());
        return outOfDate(current, ref).orElseGet(() -> runner.live(current)
                .map(live -> deciding(slackUserId, live))
                .orElseGet(() -> new Refused("Someone else is deciding on this right now.")));
    }

    private static Refused deciding(String slackUserId, ApprovalDecisionIntent live) {
        return new Refused(slackUserId.equals(live.slackUserId()) ? "Your earlier click is deciding on this right now."
                : "<@" + live.slackUserId() + "> is deciding on this right now.");
    }

    private Optional<Refused> outOfDate(ApprovalItem item, CardRef ref) {
        if (item.round() == ref.round() && item.isPending() && item.stepId().equals(ref.stepId())) {
            return Optional.empty();
        }
        if (item.round() != ref.round()) {
            return Optional.of(new Refused("This card is out of date: the item was sent to approval again, with a new card."));
        }
        return Optional.of(new Refused(switch (item.status()) {
            case ApprovalItem.APPROVED -> "This card is out of date: the item was already approved.";
            case ApprovalItem.REJECTED -> "This card is out of date: the item was already rejected.";
            case ApprovalItem.REMOVED -> "This card is out of date: the item was removed from its workflow in Oktopost.";
            default -> "This card is out of date: the item has moved on to " + json.step(item).label() + ".";
        }));
    }
}
