package com.oktoslack.approvals;

import com.oktoslack.slack.AfterAck;
import com.oktoslack.slack.PrivateReplies;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Decisions taken on cards, from the click to Oktopost. A click is stored as a live decision, held by this
 * process under a lease, before the ack; it is carried out after the ack. The lease is renewed while this
 * process works on it, so the hold ends with the process: a decision whose lease ran out is taken over and
 * finished by whichever process sees it first, at start-up or on a sweep (see {@link Decider} for how a
 * decision that may already have reached Oktopost is finished without a second call). Only expired leases
 * are taken, never a live one: with several replicas, the holder may still be at work.
 */
@Singleton
class ApprovalDecisionRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalDecisionRunner.class);

    /** What a click asks for, besides who clicked on what. */
    record Request(boolean approve, @Nullable String note, @Nullable String answerChannel, boolean confirm) {

        /** An approval; {@code confirm} when the click came from a private copy of the card: the person is told it applied. */
        static Request approval(@Nullable String answerChannel, boolean confirm) {
            return new Request(true, null, answerChannel, confirm);
        }

        static Request rejection(@Nullable String note, @Nullable String answerChannel) {
            return new Request(false, note, answerChannel, false);
        }
    }

    private final ApprovalDecisionIntentRepository intents;
    private final Decider decider;
    private final PrivateReplies replies;
    private final AfterAck afterAck;
    private final Clock clock;
    private final Duration lease;
    private final String instanceId = UUID.randomUUID().toString();
    /** Decisions this process holds: their leases are renewed until they are done or let go. */
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    ApprovalDecisionRunner(ApprovalDecisionIntentRepository intents, Decider decider, PrivateReplies replies,
                           AfterAck afterAck, Clock clock, ApprovalSettings settings) {
        this.intents = intents;
        this.decider = decider;
        this.replies = replies;
        this.afterAck = afterAck;
        this.clock = clock;
        this.lease = settings.decisionLease();
    }

    /** Stores the click as the live decision on the item at its step; empty when another one is live. */
    Optional<ApprovalDecisionIntent> record(ApprovalItem item, String slackUserId, Request request) {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        held.add(id);
        if (intents.insertLive(id, item.entityId(), item.round(), item.stepId(), slackUserId, request.approve(),
                request.note(), request.answerChannel(), request.confirm(), instanceId, now.plus(lease), now) == 1) {
            return intents.findById(id);
        }
        held.remove(id);
        return Optional.empty();
    }

    Optional<ApprovalDecisionIntent> live(ApprovalItem item) {
        return intents.findLive(item.entityId(), item.round(), item.stepId());
    }

    /** After the ack: carries out a decision just recorded; {@code tell} answers the person who clicked. */
    void carryOut(ApprovalDecisionIntent intent, Consumer<String> tell) {
        submit(() -> run(intent, false, tell));
    }

    /** The decision call runs on the after-ack threads. */
    void submit(AfterAck.Work work) {
        afterAck.run(work, message -> LOG.warn("A decision could not be carried out: {}", message));
    }

    @EventListener
    void onStartup(StartupEvent event) {
        submit(() -> resume(intents.findExpired(clock.instant()), "left by a stopped process"));
    }

    @Scheduled(fixedDelay = "${okto.approvals.decision-sweep-every}", initialDelay = "${okto.approvals.decision-sweep-every}")
    void sweep() {
        try {
            resume(intents.findExpired(clock.instant()), "whose lease ran out");
        } catch (RuntimeException e) {
            LOG.warn("Unfinished decisions will be looked at again on the next round: {}", e.toString());
        }
    }

    /** Keeps the leases of what this process works on; a third of the lease, so one missed renewal is harmless. */
    @Scheduled(fixedDelay = "${okto.approvals.decision-renew-every}")
    void renew() {
        if (!held.isEmpty()) {
            intents.renew(List.copyOf(held), instanceId, clock.instant().plus(lease));
        }
    }

    private void resume(List<ApprovalDecisionIntent> found, String why) {
        for (ApprovalDecisionIntent intent : found) {
            if (held.contains(intent.id())) {
                continue;
            }
            if (!take(intent)) {
                continue;
            }
            LOG.info("Carrying on with the decision of {} on item {} ({})", intent.slackUserId(), intent.entityId(), why);
            Consumer<String> tell = text -> replies.tell(
                    new PrivateReplies.Recipient(intent.slackUserId(), null, intent.answerChannel()), text);
            submit(() -> run(intent, true, tell));
        }
    }

    /**
     * Carries out a decision on the calling thread, for work that decides several in turn: one just recorded
     * by this process, or one that was let go to wait for Oktopost, taken again once its lease ran out. False
     * when another process holds it.
     */
    boolean carryOutHere(ApprovalDecisionIntent intent, Consumer<String> tell) {
        boolean resumed = !held.contains(intent.id());
        if (resumed && !take(intent)) {
            return false;
        }
        run(intent, resumed, tell);
        return true;
    }

    /** Takes an expired lease, unless someone renewed or took it since it was read. */
    private boolean take(ApprovalDecisionIntent intent) {
        Instant now = clock.instant();
        Instant leaseSeen = intent.leaseUntil() == null ? Instant.EPOCH : intent.leaseUntil();
        held.add(intent.id());
        if (intents.take(intent.id(), instanceId, intent.owner() == null ? "" : intent.owner(), leaseSeen,
                now.plus(lease), now) != 1) {
            held.remove(intent.id());
            return false;
        }
        return true;
    }

    private void run(ApprovalDecisionIntent intent, boolean resumed, Consumer<String> tell) {
        try {
            String answer = decider.decide(intent, resumed, instanceId);
            if (answer != null) {
                tell.accept(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The decision stays live; once its lease runs out it is taken up again.
            LOG.warn("The decision of {} on item {} was interrupted; it will be resumed", intent.slackUserId(),
                    intent.entityId(), e);
        } finally {
            held.remove(intent.id());
        }
    }

    String instanceId() {
        return instanceId;
    }
}
