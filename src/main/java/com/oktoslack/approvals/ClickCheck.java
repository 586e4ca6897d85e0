package com.oktoslack.approvals;

import com.oktoslack.people.People;
import com.oktoslack.people.PersonLink;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
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

    record Allowed(ApprovalItem item, PersonLink link) implements Verdict {
    }

    /** Why not, in words; {@code notLinked} when linking the person might be all that is missing. */
    record Refused(String message, boolean notLinked) implements Verdict {
        Refused(String message) {
            this(message, false);
        }
    }

    private final ApprovalItemRepository items;
    private final ApprovalDecisionRepository decisions;
    private final ApprovalStates states;
    private final ItemJson json;
    private final People people;
    private final Clock clock;

    ClickCheck(ApprovalItemRepository items, ApprovalDecisionRepository decisions, ApprovalStates states, ItemJson json,
               People people, Clock clock) {
        this.items = items;
        this.decisions = decisions;
        this.states = states;
        this.json = json;
        this.people = people;
        this.clock = clock;
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
        if (states.isClaimed(item) && !slackUserId.equals(item.decidingBy())) {
            return new Refused("<@" + item.decidingBy() + "> is deciding on this right now.");
        }
        return new Allowed(item, link.get());
    }

    /** As {@link #check}, and takes the decision for this user: no one else can decide until it is done. */
    Verdict claim(String slackUserId, CardRef ref) {
        Verdict verdict = check(slackUserId, ref);
        if (!(verdict instanceof Allowed allowed)) {
            return verdict;
        }
        Instant now = clock.instant();
        if (items.claim(ref.entityId(), ref.round(), ref.stepId(), slackUserId, now, now.minus(ApprovalStates.CLAIM_TIMEOUT)) == 1) {
            return allowed;
        }
        ApprovalItem current = items.findById(ref.entityId()).orElse(allowed.item());
        return outOfDate(current, ref).orElseGet(() -> new Refused(current.decidingBy() == null
                ? "Someone else is deciding on this right now."
                : slackUserId.equals(current.decidingBy()) ? "Your earlier click is deciding on this right now."
                : "<@" + current.decidingBy() + "> is deciding on this right now."));
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
