package com.oktoslack.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oktoslack.oktopost.OktopostException;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Drains the inbox, handing each handler all due events of its types at once. Each round takes the oldest due
 * events and the newest ones side by side, so a backlog (even of junk) is worked off while what was delivered
 * after it still gets through at once. Runs on a schedule, so events left by a crash are picked up after a
 * restart, and soon after each delivery.
 */
@Singleton
class WebhookWorker {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookWorker.class);
    /** Events per round from each end of the queue. */
    private static final int HALF_BATCH = 500;
    private static final int MAX_ATTEMPTS = 10;

    private final InboxRepository inbox;
    private final WebhookEventTypes types;
    private final Map<String, WebhookHandler> handlers = new HashMap<>();
    private final ObjectMapper json;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final Duration gatherFor;
    private final Duration gatherAtMost;
    private final AtomicLong lastDelivery = new AtomicLong();
    private final ReentrantLock draining = new ReentrantLock();
    private final AtomicBoolean nudged = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    WebhookWorker(InboxRepository inbox, WebhookEventTypes types, List<WebhookHandler> handlers, ObjectMapper json,
                  TaskScheduler scheduler, Clock clock, WebhookSettings settings) {
        this.inbox = inbox;
        this.types = types;
        this.json = json;
        this.scheduler = scheduler;
        this.clock = clock;
        this.gatherFor = settings.gatherFor();
        this.gatherAtMost = settings.gatherAtMost();
        handlers.forEach(h -> h.eventTypes().forEach(type -> this.handlers.put(type, h)));
    }

    /**
     * A delivery was stored: drain once deliveries pause for {@code gatherFor} (or after {@code gatherAtMost}),
     * so a burst that arrives over a few seconds becomes one batch and a few Oktopost calls, not one per slice.
     */
    void nudge() {
        long now = System.nanoTime();
        lastDelivery.set(now);
        if (nudged.compareAndSet(false, true)) {
            scheduler.schedule(gatherFor, () -> drainWhenQuiet(now));
        }
    }

    private void drainWhenQuiet(long gatheringSince) {
        long now = System.nanoTime();
        long quietFor = now - lastDelivery.get();
        if (quietFor < gatherFor.toNanos() && now - gatheringSince < gatherAtMost.toNanos()) {
            scheduler.schedule(Duration.ofNanos(gatherFor.toNanos() - quietFor), () -> drainWhenQuiet(gatheringSince));
            return;
        }
        nudged.set(false);
        drain();
    }

    /** The safety net for what no delivery nudged (a restart, a retry falling due); a gathering burst drains itself. */
    @Scheduled(fixedDelay = "${okto.webhooks.poll-every}", initialDelay = "${okto.webhooks.poll-delay}")
    void poll() {
        if (!nudged.get()) {
            drain();
        }
    }

    void drain() {
        // A call while a drain is under way makes that drain look once more, so nothing stored is left waiting.
        again.set(true);
        while (again.get() && draining.tryLock()) {
            try {
                while (again.getAndSet(false)) {
                    drainDue();
                }
            } finally {
                draining.unlock();
            }
        }
    }

    private void drainDue() {
        try {
            List<InboxEntry> due;
            while (!(due = due()).isEmpty()) {
                process(due);
            }
        } catch (RuntimeException e) {
            LOG.error("Webhook inbox could not be drained", e);
        }
    }

    /** The oldest and the newest due events, oldest first. */
    private List<InboxEntry> due() {
        Instant now = Instant.now(clock);
        Map<Long, InboxEntry> due = new TreeMap<>();
        inbox.findDue(now, HALF_BATCH).forEach(e -> due.put(e.id(), e));
        inbox.findDueNewest(now, HALF_BATCH).forEach(e -> due.put(e.id(), e));
        return List.copyOf(due.values());
    }

    private void process(List<InboxEntry> due) {
        Map<WebhookHandler, List<InboxEntry>> byHandler = new LinkedHashMap<>();
        List<InboxEntry> ignored = new ArrayList<>();
        for (InboxEntry entry : typed(due)) {
            WebhookHandler handler = handlers.get(entry.eventType());
            if (handler == null) {
                if (InboxEntry.UNKNOWN_TYPE.equals(entry.eventType())) {
                    LOG.warn("Webhook delivery {} names no event and Oktopost knows no webhook {}; it is ignored",
                            entry.id(), entry.webhookId());
                }
                ignored.add(entry);
            } else {
                byHandler.computeIfAbsent(handler, h -> new ArrayList<>()).add(entry);
            }
        }
        finish(ignored, InboxEntry.IGNORED);
        byHandler.forEach(this::deliver);
    }

    /**
     * The entries, each with its webhook's event type when the delivery named none; those whose type must
     * wait (Oktopost cannot say now) are left out and retried later.
     */
    private List<InboxEntry> typed(List<InboxEntry> entries) {
        List<InboxEntry> typed = new ArrayList<>();
        Map<String, List<InboxEntry>> byWebhook = new LinkedHashMap<>();
        for (InboxEntry entry : entries) {
            if (!InboxEntry.UNKNOWN_TYPE.equals(entry.eventType()) || entry.webhookId() == null) {
                typed.add(entry);
            } else {
                byWebhook.computeIfAbsent(entry.webhookId(), id -> new ArrayList<>()).add(entry);
            }
        }
        byWebhook.forEach((webhookId, untyped) -> {
            try {
                Optional<String> type = types.typeOf(webhookId);
                if (type.isEmpty()) {
                    typed.addAll(untyped);
                    return;
                }
                inbox.retype(ids(untyped), type.get());
                untyped.forEach(e -> typed.add(e.typed(type.get())));
            } catch (OktopostException e) {
                retryLater(untyped, e);
            }
        });
        typed.sort(Comparator.comparing(InboxEntry::id));
        return typed;
    }

    private void deliver(WebhookHandler handler, List<InboxEntry> entries) {
        try {
            List<WebhookEvent> events = new ArrayList<>();
            for (InboxEntry entry : entries) {
                events.add(toEvent(entry));
            }
            handler.handle(events);
            finish(entries, InboxEntry.DONE);
        } catch (Exception e) {
            retryLater(entries, e);
        }
    }

    private void finish(List<InboxEntry> entries, String status) {
        if (!entries.isEmpty()) {
            inbox.finish(ids(entries), status, Instant.now(clock));
        }
    }

    private static List<Long> ids(List<InboxEntry> entries) {
        return entries.stream().map(InboxEntry::id).toList();
    }

    private WebhookEvent toEvent(InboxEntry entry) throws JsonProcessingException {
        return new WebhookEvent(entry.id(), entry.eventType(), entry.webhookId(), json.readTree(entry.payload()), entry.receivedAt());
    }

    private void retryLater(List<InboxEntry> entries, Exception failure) {
        Instant now = Instant.now(clock);
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (error.length() > 500) {
            error = error.substring(0, 500) + "…";
        }
        Map<Integer, List<InboxEntry>> byAttempts = new TreeMap<>();
        entries.forEach(e -> byAttempts.computeIfAbsent(e.attempts(), a -> new ArrayList<>()).add(e));
        for (Map.Entry<Integer, List<InboxEntry>> group : byAttempts.entrySet()) {
            if (failure instanceof OktopostException.RateLimited limited) {
                // Waiting out Oktopost's limit is not the event's fault: no attempt is spent.
                inbox.retryAt(ids(group.getValue()), now.plus(limited.retryAfter()), group.getKey(), InboxEntry.PENDING, error);
                continue;
            }
            int attempts = group.getKey() + 1;
            boolean giveUp = attempts >= MAX_ATTEMPTS;
            Duration backoff = Duration.ofSeconds(Math.min(900, 1L << Math.min(attempts + 1, 10)));
            inbox.retryAt(ids(group.getValue()), now.plus(backoff), attempts, giveUp ? InboxEntry.FAILED : InboxEntry.PENDING, error);
        }
        LOG.warn("{} {} event(s) failed; retrying later: {}", entries.size(), entries.get(0).eventType(),
                error.length() > 200 ? error.substring(0, 200) + "…" : error);
    }

    @Scheduled(fixedDelay = "6h", initialDelay = "1m")
    void forgetOldEvents() {
        inbox.deleteSettledBefore(Instant.now(clock).minus(Duration.ofDays(30)));
    }
}
