package com.oktoslack.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oktoslack.oktopost.OktopostException;
import com.oktoslack.jobs.Jobs;
import com.oktoslack.jobs.RecurringJob;
import com.oktoslack.jobs.Retry;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
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

/**
 * Drains the inbox, handing each handler all due events of its types at once. Each round takes the oldest due
 * events and the newest ones side by side, so a backlog (even of junk) is worked off while what was delivered
 * after it still gets through at once. It is the job {@value #KIND}: on one replica at a time, every
 * {@code poll-every} (so events left by a stopped replica are picked up) and soon after each delivery.
 */
@Singleton
class WebhookWorker implements RecurringJob {

    static final String KIND = "webhooks.drain";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookWorker.class);
    /** Events per round from each end of the queue. */
    private static final int HALF_BATCH = 500;
    /** Attempts per event, and the wait between them; a rate limit spends none. */
    static final Retry RETRY = new Retry(10, Duration.ofSeconds(4), Duration.ofMinutes(15));

    private final InboxRepository inbox;
    private final WebhookEventTypes types;
    private final Map<String, WebhookHandler> handlers = new HashMap<>();
    private final ObjectMapper json;
    private final Jobs jobs;
    private final Clock clock;
    private final Duration gatherFor;
    private final Duration gatherAtMost;
    private final Duration every;

    WebhookWorker(InboxRepository inbox, WebhookEventTypes types, List<WebhookHandler> handlers, ObjectMapper json,
                  Jobs jobs, Clock clock, WebhookSettings settings) {
        this.inbox = inbox;
        this.types = types;
        this.json = json;
        this.jobs = jobs;
        this.clock = clock;
        this.gatherFor = settings.gatherFor();
        this.gatherAtMost = settings.gatherAtMost();
        this.every = settings.pollEvery();
        handlers.forEach(h -> h.eventTypes().forEach(type -> this.handlers.put(type, h)));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Duration every() {
        return every;
    }

    /** A delivery was stored (on this replica or another): the drain starts once the burst is gathered. */
    void nudge() {
        nudgeAt(Instant.now().plus(gatherFor));
    }

    private void nudgeAt(Instant at) {
        jobs.nudgeAt(KIND, at);
    }

    /** A stopped replica may have left events, and its schedule may have been a longer one. */
    @EventListener
    void onStartup(StartupEvent event) {
        nudgeAt(Instant.now());
    }

    @Override
    public void run() throws InterruptedException {
        try {
            // Deliveries that arrive while a batch is handled are gathered too, before the next batch.
            gather();
            List<InboxEntry> due;
            while (!(due = due()).isEmpty()) {
                process(due);
                gather();
            }
        } catch (RuntimeException e) {
            LOG.error("Webhook inbox could not be drained", e);
        }
    }

    /**
     * Waits while deliveries keep coming (any replica's: their times are in the inbox): until none came for
     * {@code gatherFor}, at most {@code gatherAtMost} after the first, so a burst that arrives over a few
     * seconds becomes one batch and a few Oktopost calls, not one per slice.
     */
    private void gather() throws InterruptedException {
        long deadline = System.nanoTime() + gatherAtMost.toNanos();
        while (true) {
            Instant now = Instant.now(clock);
            List<InboxEntry> newest = inbox.findFreshNewest(now);
            List<InboxEntry> oldest = inbox.findFreshOldest(now);
            if (newest.isEmpty() || oldest.isEmpty()) {
                return;
            }
            Instant quiet = newest.get(0).receivedAt().plus(gatherFor);
            Instant latest = oldest.get(0).receivedAt().plus(gatherAtMost);
            Instant until = quiet.isBefore(latest) ? quiet : latest;
            long wait = Math.min(Duration.between(now, until).toMillis(), (deadline - System.nanoTime()) / 1_000_000);
            if (wait <= 0) {
                return;
            }
            Thread.sleep(wait);
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
                nudgeAt(Instant.now().plus(limited.retryAfter()));
                continue;
            }
            int attempts = group.getKey() + 1;
            boolean giveUp = RETRY.exhausted(attempts);
            Instant next = now.plus(RETRY.delayBefore(attempts + 1));
            inbox.retryAt(ids(group.getValue()), next, attempts, giveUp ? InboxEntry.FAILED : InboxEntry.PENDING, error);
            if (!giveUp) {
                nudgeAt(Instant.now().plus(Duration.between(now, next)));
            }
        }
        LOG.warn("{} {} event(s) failed; retrying later: {}", entries.size(), entries.get(0).eventType(),
                error.length() > 200 ? error.substring(0, 200) + "…" : error);
    }
}
