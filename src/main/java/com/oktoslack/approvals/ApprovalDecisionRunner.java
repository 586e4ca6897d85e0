package com.oktoslack.approvals;

import com.oktoslack.jobs.DelayedJob;
import com.oktoslack.jobs.Jobs;
import com.oktoslack.jobs.Retry;
import com.oktoslack.slack.AfterAck;
import com.oktoslack.slack.PrivateReplies;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Decisions taken on cards, from the click to Oktopost. A click is stored as the live decision on the item,
 * with its job {@value #KIND} due a little later, before the ack; after the ack the job is brought forward and
 * runs at once, on one replica. A replica that stops mid-decision stops beating, and the engine gives the job
 * to another; a decision Oktopost did not answer is tried again by the job's {@link Retry}. A run that is not
 * the click's own first one is resumed: it reads the item first (see {@link Decider}), so Oktopost never gets a
 * second decision call, and it tells the person in the channel, the click's reply address being gone.
 */
@Singleton
class ApprovalDecisionRunner implements DelayedJob<ApprovalDecisionRunner.Job> {

    static final String KIND = "approvals.decision";
    private static final Logger LOG = LoggerFactory.getLogger(ApprovalDecisionRunner.class);

    /** The job's data: which decision. */
    record Job(String intentId) {
    }

    /** A decision left live by its run (Oktopost did not answer): the job is tried again later. */
    static final class Postponed extends Exception {
        Postponed() {
            super("Oktopost did not answer the decision yet");
        }
    }

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
    private final Jobs jobs;
    private final Clock clock;
    private final Duration backstop;
    private final Retry retry;
    private final String instanceId = UUID.randomUUID().toString();
    /** How to answer the person who clicked, for the clicks this replica took and has not yet run. */
    private final Map<String, Consumer<String>> clickers = new ConcurrentHashMap<>();

    ApprovalDecisionRunner(ApprovalDecisionIntentRepository intents, Decider decider, PrivateReplies replies,
                           AfterAck afterAck, Jobs jobs, Clock clock, ApprovalSettings settings) {
        this.intents = intents;
        this.decider = decider;
        this.replies = replies;
        this.afterAck = afterAck;
        this.jobs = jobs;
        this.clock = clock;
        this.backstop = settings.decisionRetryAfter();
        // Decider gives up after decision-attempts calls; the job's own limit is only for runs that keep failing.
        this.retry = new Retry(settings.decisionAttempts() * 2 + 1, settings.decisionRetryAfter(), Duration.ofMinutes(15));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Class<Job> dataType() {
        return Job.class;
    }

    @Override
    public Retry retry() {
        return retry;
    }

    /** Stores the click as the live decision on the item at its step; empty when another one is live. */
    Optional<ApprovalDecisionIntent> record(ApprovalItem item, String slackUserId, Request request) {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        if (intents.insertLive(id, item.entityId(), item.round(), item.stepId(), slackUserId, request.approve(),
                request.note(), request.answerChannel(), request.confirm(), instanceId, now, now) != 1) {
            return Optional.empty();
        }
        // Due later: should this replica stop before the ack, another one carries the decision out.
        jobs.schedule(KIND, id, new Job(id), Instant.now().plus(backstop));
        return intents.findById(id);
    }

    /** A decision recorded but not to be carried out after all: it is closed, and its job finds nothing to do. */
    void abandon(ApprovalDecisionIntent intent) {
        intents.finish(intent.id(), ApprovalDecisionIntent.DONE, ApprovalStates.Outcome.STALE.name(), clock.instant());
        jobs.cancel(KIND, intent.id());
    }

    Optional<ApprovalDecisionIntent> live(ApprovalItem item) {
        return intents.findLive(item.entityId(), item.round(), item.stepId());
    }

    /** After the ack: carries out a decision just recorded; {@code tell} answers the person who clicked. */
    void carryOut(ApprovalDecisionIntent intent, Consumer<String> tell) {
        submit(() -> {
            clickers.put(intent.id(), tell);
            try {
                jobs.reschedule(KIND, intent.id(), new Job(intent.id()), Instant.now());
            } catch (RuntimeException e) {
                // Already running (taken up by a sweep at start-up): that run carries it out.
                clickers.remove(intent.id());
            }
        });
    }

    /** The bringing forward runs on the after-ack threads. */
    void submit(AfterAck.Work work) {
        afterAck.run(work, message -> LOG.warn("A decision could not be carried out: {}", message));
    }

    /** A decision stored by a version of the app without jobs, or just before a replica stopped, gets its job. */
    @EventListener
    void onStartup(StartupEvent event) {
        for (ApprovalDecisionIntent intent : intents.findBySlot(ApprovalDecisionIntent.LIVE)) {
            jobs.schedule(KIND, intent.id(), new Job(intent.id()), Instant.now().plus(backstop));
        }
    }

    @Override
    public void run(Job job) throws Exception {
        Optional<ApprovalDecisionIntent> found = intents.findById(job.intentId());
        if (found.isEmpty() || !ApprovalDecisionIntent.LIVE.equals(found.get().slot())) {
            clickers.remove(job.intentId());
            return;
        }
        ApprovalDecisionIntent intent = found.get();
        Consumer<String> clicker = clickers.remove(intent.id());
        boolean resumed = clicker == null;
        Consumer<String> tell = resumed ? inChannel(intent) : clicker;
        if (resumed) {
            LOG.info("Carrying on with the decision of {} on item {}", intent.slackUserId(), intent.entityId());
        }
        intents.hold(intent.id(), instanceId, clock.instant());
        String answer = decider.decide(intent, resumed, instanceId);
        if (answer != null) {
            tell.accept(answer);
        }
        if (intents.findById(intent.id()).map(i -> ApprovalDecisionIntent.LIVE.equals(i.slot())).orElse(false)) {
            throw new Postponed();
        }
    }

    /**
     * Carries out a decision on the calling thread, for work that decides several in turn and paces itself: its
     * job is put off meanwhile and stays as the safety net (a stop mid-way leaves the decision to it). False when
     * the job is running now, here or on another replica: that run carries the decision out.
     */
    boolean carryOutHere(ApprovalDecisionIntent intent, Consumer<String> tell) throws InterruptedException {
        if (!jobs.reschedule(KIND, intent.id(), new Job(intent.id()), Instant.now().plus(backstop))) {
            return false;
        }
        intents.hold(intent.id(), instanceId, clock.instant());
        String answer = decider.decide(intent, false, instanceId);
        if (answer != null) {
            tell.accept(answer);
        }
        return true;
    }

    @Override
    public void exhausted(Job job, Exception last) {
        intents.findById(job.intentId()).filter(i -> ApprovalDecisionIntent.LIVE.equals(i.slot())).ifPresent(intent -> {
            intents.finish(intent.id(), ApprovalDecisionIntent.FAILED, "exhausted", clock.instant());
            inChannel(intent).accept("Your " + (intent.approve() ? "approval" : "rejection")
                    + " could not be carried out; please check the item in Oktopost.");
        });
    }

    private Consumer<String> inChannel(ApprovalDecisionIntent intent) {
        return text -> replies.tell(new PrivateReplies.Recipient(intent.slackUserId(), null, intent.answerChannel()), text);
    }

    String instanceId() {
        return instanceId;
    }
}
