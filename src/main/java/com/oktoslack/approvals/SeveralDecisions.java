package com.oktoslack.approvals;

import com.oktoslack.slack.Modals;
import com.oktoslack.slack.Mrkdwn;
import com.oktoslack.slack.PrivateReplies;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Carries out the decisions of one several-decisions form, one after another on one thread, each by the
 * durable path a card's click takes ({@link ApprovalDecisionRunner}, {@link Decider}): its own Oktopost call
 * with its step, paced by the shared budget. A decision the budget holds back is let go with a retry time;
 * it is taken up again here when that time comes (or by the runner's sweep, if this process stops). The
 * progress view is updated as they go, and a private message ends it, naming each item's outcome.
 */
@Singleton
class SeveralDecisions {

    /** A claimed item and how it is named in the summary. */
    record Claimed(ApprovalDecisionIntent intent, String label) {
    }

    /** What became of one item: {@code done} when it was decided; otherwise {@code why} says why not. */
    record Outcome(String label, boolean done, @Nullable String why) {
    }

    static final int PROGRESS_EVERY = 5;
    /** How long one item's decision is followed here; after that it is left to the runner's sweep. */
    static final Duration FOLLOW_AT_MOST = Duration.ofMinutes(10);
    private static final Duration POLL = Duration.ofMillis(500);

    private final ApprovalDecisionRunner runner;
    private final ApprovalDecisionIntentRepository intents;
    private final ApprovalStates states;
    private final Modals modals;
    private final PrivateReplies replies;
    private final Clock clock;

    SeveralDecisions(ApprovalDecisionRunner runner, ApprovalDecisionIntentRepository intents, ApprovalStates states,
                     Modals modals, PrivateReplies replies, Clock clock) {
        this.runner = runner;
        this.intents = intents;
        this.states = states;
        this.modals = modals;
        this.replies = replies;
        this.clock = clock;
    }

    /** "LinkedIn post at step 1 of 3: Review (“Our new…”)". */
    String label(ApprovalItem item) {
        CardState state = states.state(item);
        String snippet = Mrkdwn.snippet(state.content().text(), 40);
        return state.content().what() + " at " + state.step().label() + (snippet.isEmpty() ? "" : " (“" + snippet + "”)");
    }

    void carryOut(String slackUserId, @Nullable String viewId, boolean approve, List<Claimed> claimed,
                  List<Outcome> refused) throws InterruptedException {
        List<Outcome> outcomes = new ArrayList<>(refused);
        int total = claimed.size() + refused.size();
        Modals.Opened progress = viewId == null ? null : new Modals.Opened(viewId, null);
        int done = refused.size();
        for (Claimed item : claimed) {
            outcomes.add(decide(item));
            done++;
            if (progress != null && done < total && done % PROGRESS_EVERY == 0) {
                modals.showQuietly(progress, SeveralDecisionsForm.progress(approve, done, total));
            }
        }
        if (progress != null) {
            modals.showQuietly(progress, SeveralDecisionsForm.progress(approve, total, total));
        }
        replies.tell(PrivateReplies.Recipient.direct(slackUserId), summary(approve, outcomes));
    }

    private Outcome decide(Claimed item) throws InterruptedException {
        AtomicReference<String> said = new AtomicReference<>();
        ApprovalDecisionIntent intent = item.intent();
        runner.carryOutHere(intent, said::set);
        Instant giveUp = clock.instant().plus(FOLLOW_AT_MOST);
        Optional<ApprovalDecisionIntent> now = intents.findById(intent.id());
        while (now.isPresent() && ApprovalDecisionIntent.LIVE.equals(now.get().slot()) && clock.instant().isBefore(giveUp)) {
            ApprovalDecisionIntent waiting = now.get();
            Instant retryAt = waiting.leaseUntil() == null ? Instant.EPOCH : waiting.leaseUntil();
            if (waiting.owner() == null && !retryAt.isAfter(clock.instant())) {
                runner.carryOutHere(waiting, said::set);
            } else {
                Duration wait = Duration.between(clock.instant(), retryAt);
                Thread.sleep(Math.max(10, Math.min(POLL.toMillis(), wait.toMillis())));
            }
            now = intents.findById(intent.id());
        }
        if (now.isEmpty()) {
            return new Outcome(item.label(), false, "I lost track of it; its card shows where it is.");
        }
        ApprovalDecisionIntent last = now.get();
        if (ApprovalDecisionIntent.LIVE.equals(last.slot())) {
            return new Outcome(item.label(), false, "Oktopost has not answered yet; I will tell you when it does.");
        }
        if (ApprovalDecisionIntent.DONE.equals(last.status())
                && !ApprovalStates.Outcome.STALE.name().equals(last.outcome())) {
            return new Outcome(item.label(), true, null);
        }
        return new Outcome(item.label(), false, said.get() != null ? said.get()
                : "In Oktopost it had already moved on; its card shows where it is.");
    }

    static String summary(boolean approve, List<Outcome> outcomes) {
        List<Outcome> done = outcomes.stream().filter(Outcome::done).toList();
        List<Outcome> not = outcomes.stream().filter(o -> !o.done()).toList();
        StringBuilder text = new StringBuilder(approve ? "*Approved " : "*Rejected ")
                .append(done.size()).append(" of ").append(outcomes.size()).append(" item(s).*");
        for (Outcome outcome : done) {
            text.append("\n• ").append(Mrkdwn.escape(outcome.label()));
        }
        if (!not.isEmpty()) {
            text.append("\n\n*Not decided:*");
            for (Outcome outcome : not) {
                text.append("\n• ").append(Mrkdwn.escape(outcome.label())).append(": ").append(outcome.why());
            }
        }
        return Mrkdwn.cut(text.toString(), 39_000);
    }
}
