package com.oktoslack.approvals;

import com.oktoslack.jobs.Jobs;
import com.oktoslack.jobs.RecurringJob;
import com.oktoslack.jobs.Retry;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Posts due cards. Each destination (a channel, or an approver's DM) is a lane that posts its cards one after
 * another, oldest first, so Slack's per-channel pace is kept without flooding the SDK's shared queue; a few
 * lanes run at once. A card is claimed ('posting') right before chat.postMessage and marked posted with its
 * ts after; one left 'posting' by a stopped replica is looked for in Slack before it is posted again.
 * It is the job {@value #KIND}: one replica at a time posts, so a card 'posting' when a run starts was
 * interrupted; the run lasts while cards are due, its lanes its own threads.
 */
@Singleton
class CardPublisher implements RecurringJob {

    static final String KIND = "approvals.cards";
    private static final Logger LOG = LoggerFactory.getLogger(CardPublisher.class);
    private static final int LANE_BATCH = 50;
    /** Attempts per card Slack refuses for a while (5 s, doubling to 10 min); then it stays failed. */
    static final Retry RETRY = new Retry(8, Duration.ofSeconds(5), Duration.ofMinutes(10));
    /** How often a run under way looks for cards due on lanes not yet started. */
    private static final Duration LOOK_AGAIN = Duration.ofMillis(500);
    static final Duration STOP_WAIT = Duration.ofSeconds(20);

    private final ApprovalCardRepository cards;
    private final ApprovalStates states;
    private final CardMessages messages;
    private final CardUpdater updater;
    private final Jobs jobs;
    private final GroupedDms grouped;
    private final Clock clock;
    private final Duration every;
    private final ExecutorService lanes;
    private final Set<String> activeLanes = ConcurrentHashMap.newKeySet();
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    /** A lane ended or new cards are due: the run looks again at once. */
    private final Semaphore lookAgain = new Semaphore(0);
    private volatile boolean stopping;

    CardPublisher(ApprovalCardRepository cards, ApprovalStates states, CardMessages messages, CardUpdater updater,
                  Jobs jobs, Clock clock, ApprovalSettings settings, GroupedDms grouped) {
        this.cards = cards;
        this.states = states;
        this.messages = messages;
        this.updater = updater;
        this.jobs = jobs;
        this.grouped = grouped;
        this.clock = clock;
        this.every = settings.publishEvery();
        AtomicInteger number = new AtomicInteger();
        this.lanes = Executors.newFixedThreadPool(settings.postingLanes(), runnable -> {
            Thread thread = new Thread(runnable, "approval-cards-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Duration every() {
        return every;
    }

    /** New cards are due: their lanes start soon, on whichever replica runs the job. */
    void kick() {
        if (!stopping) {
            lookAgain.release();
            nudgeAt(Instant.now());
        }
    }

    private void nudgeAt(Instant at) {
        jobs.nudgeAt(KIND, at);
    }

    /** A stopped replica may have left cards due or interrupted. */
    @EventListener
    void onStartup(StartupEvent event) {
        nudgeAt(Instant.now());
    }

    /** Also picks up after a stopped replica: interrupted posts, due cards, cards to update, notices to send. */
    @Override
    public void run() throws InterruptedException {
        try {
            resolveInterrupted();
            while (!stopping) {
                lookAgain.drainPermits();
                Set<String> destinations = new LinkedHashSet<>();
                cards.findDue(clock.instant(), 5000).forEach(c -> destinations.add(c.destination()));
                destinations.forEach(this::startLane);
                updater.kick();
                if (activeLanes.isEmpty()) {
                    return;
                }
                lookAgain.tryAcquire(LOOK_AGAIN.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            LOG.warn("Approval cards will be published on the next round: {}", e.toString());
        }
    }

    /** Lets the posts under way finish, so none is left half done in Slack's client; the rest stay due. */
    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        lanes.shutdown();
        if (!lanes.awaitTermination(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
            lanes.shutdownNow();
        }
    }

    private void startLane(String destination) {
        if (stopping || !activeLanes.add(destination)) {
            return;
        }
        try {
            lanes.execute(() -> runLane(destination));
        } catch (RejectedExecutionException shutDown) {
            activeLanes.remove(destination);
        }
    }

    private void runLane(String destination) {
        try {
            List<ApprovalCard> due;
            while (!stopping && !(due = cards.findDueFor(destination, clock.instant(), LANE_BATCH)).isEmpty()) {
                for (ApprovalCard card : due) {
                    if (stopping || !post(card)) {
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Posting approval cards to {} stopped; it resumes on the next round: {}", destination, e.toString());
        } finally {
            activeLanes.remove(destination);
            lookAgain.release();
        }
    }

    /** False when the lane should stop for now (Slack refused for a while, or the answer was lost). */
    private boolean post(ApprovalCard card) throws InterruptedException {
        Optional<ApprovalItem> item = states.item(card.entityId());
        if (item.isEmpty()) {
            cards.markSkipped(card.id(), "the item is unknown");
            return true;
        }
        if (item.get().round() != card.round()) {
            cards.markSkipped(card.id(), "the item was sent to approval again");
            return true;
        }
        if (card.isDm() && !(item.get().isPending() && item.get().stepId().equals(card.stepId()))) {
            cards.markSkipped(card.id(), "the item moved on before the DM went out");
            return true;
        }
        if (card.isDm() && grouped.takes(card)) {
            return true;
        }
        // In flight before the claim, so that a publishing round never takes this card for an interrupted one.
        inFlight.add(card.id());
        try {
            if (cards.claim(card.id(), clock.instant()) == 0) {
                return true;
            }
            CardState state = states.state(item.get());
            CardMessages.Answer answer = messages.post(card, state);
            if (answer.ok()) {
                cards.markPosted(card.id(), answer.channel(), answer.ts(), state.version());
                if (states.item(card.entityId()).map(i -> i.version() > state.version()).orElse(false)) {
                    updater.kick();
                }
                return true;
            }
            return refused(card, answer);
        } catch (ExecutionException | TimeoutException e) {
            // Slack may have posted it: the row stays 'posting' and Slack is asked before the next try.
            LOG.warn("Card {} for {} got no clear answer from Slack: {}", card.id(), card.entityId(), e.toString());
            return false;
        } finally {
            inFlight.remove(card.id());
        }
    }

    private boolean refused(ApprovalCard card, CardMessages.Answer answer) {
        if (answer.permanent() || RETRY.exhausted(card.attempts() + 1)) {
            LOG.warn("Card for {} cannot be posted to {}: Slack says {}", card.entityId(), card.destination(), answer.error());
            cards.markFailed(card.id(), "Slack: " + answer.error());
            return true;
        }
        Duration backoff = RETRY.delayBefore(card.attempts() + 2);
        cards.markDue(card.id(), clock.instant().plus(backoff), "Slack: " + answer.error());
        nudgeAt(Instant.now().plus(backoff));
        LOG.info("Slack refused card {} for {} ({}); trying again in {} s", card.id(), card.entityId(), answer.error(),
                backoff.toSeconds());
        return false;
    }

    private void resolveInterrupted() {
        for (ApprovalCard card : cards.findByStatus(ApprovalCard.POSTING)) {
            if (inFlight.contains(card.id())) {
                continue;
            }
            try {
                Optional<CardMessages.Answer> found = messages.findPosted(card);
                if (found.isPresent()) {
                    // Posted with an unknown version: marked as showing none, so it is brought up to date.
                    cards.adoptPosted(card.id(), found.get().channel(), found.get().ts());
                } else {
                    cards.retryInterrupted(card.id(), clock.instant(), "posting was interrupted");
                }
            } catch (Exception e) {
                LOG.warn("Cannot settle interrupted card {} yet: {}", card.id(), e.toString());
            }
        }
    }
}
