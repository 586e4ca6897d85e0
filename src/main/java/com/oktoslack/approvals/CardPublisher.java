package com.oktoslack.approvals;

import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Posts due cards. Each destination (a channel, or an approver's DM) is a lane that posts its cards one after
 * another, oldest first, so Slack's per-channel pace is kept without flooding the SDK's shared queue; a few
 * lanes run at once. A card is claimed ('posting') right before chat.postMessage and marked posted with its
 * ts after; one left 'posting' by a crash is looked for in Slack before it is posted again.
 */
@Singleton
class CardPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(CardPublisher.class);
    private static final int LANE_BATCH = 50;
    private static final int MAX_ATTEMPTS = 8;
    static final Duration STOP_WAIT = Duration.ofSeconds(20);

    private final ApprovalCardRepository cards;
    private final ApprovalStates states;
    private final CardMessages messages;
    private final CardUpdater updater;
    private final GroupedDms grouped;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final ExecutorService lanes;
    private final Set<String> activeLanes = ConcurrentHashMap.newKeySet();
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean kicked = new AtomicBoolean();
    private final ReentrantLock publishing = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopping;

    CardPublisher(ApprovalCardRepository cards, ApprovalStates states, CardMessages messages, CardUpdater updater,
                  TaskScheduler scheduler, Clock clock, ApprovalSettings settings, GroupedDms grouped) {
        this.cards = cards;
        this.states = states;
        this.messages = messages;
        this.updater = updater;
        this.grouped = grouped;
        this.scheduler = scheduler;
        this.clock = clock;
        AtomicInteger number = new AtomicInteger();
        this.lanes = Executors.newFixedThreadPool(settings.postingLanes(), runnable -> {
            Thread thread = new Thread(runnable, "approval-cards-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** New cards are due: start their lanes soon. */
    void kick() {
        if (!stopping && kicked.compareAndSet(false, true)) {
            scheduler.schedule(Duration.ZERO, () -> {
                kicked.set(false);
                publish();
            });
        }
    }

    /** Also picks up after a restart: interrupted posts, due cards, cards to update, notices to send. */
    @Scheduled(fixedDelay = "${okto.approvals.publish-every}", initialDelay = "${okto.approvals.publish-delay}")
    void publish() {
        // A call while a round is under way makes that round run once more, so nothing due is missed.
        again.set(true);
        while (again.get() && !stopping && publishing.tryLock()) {
            try {
                while (again.getAndSet(false) && !stopping) {
                    round();
                }
            } finally {
                publishing.unlock();
            }
        }
    }

    private void round() {
        try {
            resolveInterrupted();
            Set<String> destinations = new LinkedHashSet<>();
            cards.findDue(clock.instant(), 5000).forEach(c -> destinations.add(c.destination()));
            destinations.forEach(this::startLane);
            updater.kick();
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
        }
        if (!stopping && !cards.findDueFor(destination, clock.instant(), 1).isEmpty()) {
            startLane(destination);
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
        if (answer.permanent() || card.attempts() + 1 >= MAX_ATTEMPTS) {
            LOG.warn("Card for {} cannot be posted to {}: Slack says {}", card.entityId(), card.destination(), answer.error());
            cards.markFailed(card.id(), "Slack: " + answer.error());
            return true;
        }
        Duration backoff = Duration.ofSeconds(Math.min(600, 5L << Math.min(card.attempts(), 7)));
        cards.markDue(card.id(), clock.instant().plus(backoff), "Slack: " + answer.error());
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
