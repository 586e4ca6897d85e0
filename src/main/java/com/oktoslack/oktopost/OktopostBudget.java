package com.oktoslack.oktopost;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * The one place that knows the account's limits: sliding windows of calls per minute and per five seconds,
 * calls per UTC day (persisted), and the block Oktopost imposes after a breach (persisted). It never
 * sleeps: {@link #tryAcquire()} either counts the call or says how long to wait.
 */
@Singleton
class OktopostBudget {

    private static final Logger LOG = LoggerFactory.getLogger(OktopostBudget.class);

    private final OktopostLimits limits;
    private final BudgetStore store;
    private final Clock clock;

    /** Start times of the calls in the last minute, oldest first; the five-second window is its tail. */
    private final Deque<Instant> recent = new ArrayDeque<>();
    private LocalDate day;
    private int callsToday;
    private Instant blockedUntil = Instant.EPOCH;
    private boolean loaded;

    OktopostBudget(OktopostLimits limits, BudgetStore store, Clock clock) {
        this.limits = limits;
        this.store = store;
        this.clock = clock;
    }

    /** Counts one call and answers {@link Duration#ZERO}, or answers how long until a call is allowed. */
    synchronized Duration tryAcquire() {
        Instant now = clock.instant();
        refresh(now);
        if (now.isBefore(blockedUntil)) {
            return Duration.between(now, blockedUntil);
        }
        if (callsToday >= limits.perDay()) {
            return Duration.between(now, day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        Duration minute = waitForWindow(now, OktopostLimits.MINUTE, limits.perMinute());
        Duration burst = waitForWindow(now, OktopostLimits.FIVE_SECONDS, limits.perFiveSeconds());
        Duration wait = minute.compareTo(burst) >= 0 ? minute : burst;
        if (!wait.isZero()) {
            return wait;
        }
        recent.addLast(now);
        callsToday++;
        persist();
        return Duration.ZERO;
    }

    /** Oktopost answered 429: no call until {@code retryAfter} has passed, even across a restart. */
    synchronized void blockedFor(Duration retryAfter) {
        Instant now = clock.instant();
        refresh(now);
        Instant until = now.plus(retryAfter);
        if (until.isAfter(blockedUntil)) {
            blockedUntil = until;
            persist();
        }
    }

    synchronized BudgetStatus status() {
        Instant now = clock.instant();
        refresh(now);
        return new BudgetStatus(callsToday, Math.max(0, limits.perDay() - callsToday), limits.perDay(),
                now.isBefore(blockedUntil) ? blockedUntil : null);
    }

    /** True while Oktopost's own block (not merely our pacing) holds calls back. */
    synchronized boolean blockedByOktopost() {
        return clock.instant().isBefore(blockedUntil);
    }

    private Duration waitForWindow(Instant now, Duration window, int allowed) {
        Instant windowStart = now.minus(window);
        int inWindow = 0;
        Instant oldestCounted = null;
        // Walk back from the newest call; the allowed-th newest call is the one that has to leave the window.
        for (Iterator<Instant> it = recent.descendingIterator(); it.hasNext(); ) {
            Instant at = it.next();
            if (!at.isAfter(windowStart)) {
                break;
            }
            inWindow++;
            if (inWindow == allowed) {
                oldestCounted = at;
            }
        }
        if (inWindow < allowed) {
            return Duration.ZERO;
        }
        return Duration.between(now, oldestCounted.plus(window));
    }

    private void refresh(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (!loaded) {
            load(today);
        } else if (!today.equals(day)) {
            day = today;
            callsToday = 0;
        }
        Instant minuteAgo = now.minus(OktopostLimits.MINUTE);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(minuteAgo)) {
            recent.removeFirst();
        }
    }

    private void load(LocalDate today) {
        day = today;
        try {
            callsToday = store.callsOn(today);
            blockedUntil = store.blockedUntil();
        } catch (RuntimeException e) {
            LOG.warn("Could not read the stored Oktopost call budget; counting from zero", e);
        }
        loaded = true;
    }

    private void persist() {
        try {
            store.save(day, callsToday, blockedUntil);
        } catch (RuntimeException e) {
            // Losing the count is better than refusing to talk to Oktopost.
            LOG.warn("Could not store the Oktopost call budget", e);
        }
    }
}
