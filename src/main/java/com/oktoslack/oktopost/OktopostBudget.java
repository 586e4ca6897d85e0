package com.oktoslack.oktopost;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/**
 * The one place that knows the account's limits: sliding windows of calls per minute and per five seconds,
 * calls per UTC day, and the block Oktopost imposes after a breach. All of it lives in the {@link BudgetStore},
 * the database, so every replica on it spends one budget and a restart forgets nothing. It never sleeps:
 * {@link #tryAcquire()} either counts the call or says how long to wait.
 */
@Singleton
class OktopostBudget {

    private static final Logger LOG = LoggerFactory.getLogger(OktopostBudget.class);

    private final OktopostLimits limits;
    private final BudgetStore store;
    private final Clock clock;
    /** Used only while the store fails: losing the shared count is better than refusing to talk to Oktopost. */
    private final BudgetStore fallback = new MemoryBudgetStore();
    private boolean storeFailing;

    OktopostBudget(OktopostLimits limits, BudgetStore store, Clock clock) {
        this.limits = limits;
        this.store = store;
        this.clock = clock;
    }

    /** Counts one call and answers {@link Duration#ZERO}, or answers how long until a call is allowed. */
    synchronized Duration tryAcquire() {
        Instant now = clock.instant();
        return inStore(ledger -> {
            Instant blockedUntil = ledger.blockedUntil();
            if (now.isBefore(blockedUntil)) {
                return Duration.between(now, blockedUntil);
            }
            LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
            if (ledger.callsOn(day) >= limits.perDay()) {
                return Duration.between(now, day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            List<Instant> recent = ledger.callsSince(now.minus(OktopostLimits.MINUTE));
            Duration minute = waitForWindow(recent, now, OktopostLimits.MINUTE, limits.perMinute());
            Duration burst = waitForWindow(recent, now, OktopostLimits.FIVE_SECONDS, limits.perFiveSeconds());
            Duration wait = minute.compareTo(burst) >= 0 ? minute : burst;
            if (wait.isZero()) {
                ledger.recordCall(now);
            }
            return wait;
        });
    }

    /** Oktopost answered 429: no call until {@code retryAfter} has passed, on any replica, even across a restart. */
    synchronized void blockedFor(Duration retryAfter) {
        Instant until = clock.instant().plus(retryAfter);
        inStore(ledger -> {
            if (until.isAfter(ledger.blockedUntil())) {
                ledger.blockUntil(until);
            }
            return null;
        });
    }

    synchronized BudgetStatus status() {
        Instant now = clock.instant();
        return inStore(ledger -> {
            int callsToday = ledger.callsOn(LocalDate.ofInstant(now, ZoneOffset.UTC));
            Instant blockedUntil = ledger.blockedUntil();
            return new BudgetStatus(callsToday, Math.max(0, limits.perDay() - callsToday), limits.perDay(),
                    now.isBefore(blockedUntil) ? blockedUntil : null);
        });
    }

    /** True while Oktopost's own block (not merely our pacing) holds calls back. */
    synchronized boolean blockedByOktopost() {
        Instant now = clock.instant();
        return inStore(ledger -> now.isBefore(ledger.blockedUntil()));
    }

    private <T> T inStore(Function<BudgetStore, T> work) {
        try {
            T result = store.locked(() -> work.apply(store));
            if (storeFailing) {
                storeFailing = false;
                LOG.info("The Oktopost call budget is kept in the database again");
            }
            return result;
        } catch (RuntimeException e) {
            if (!storeFailing) {
                storeFailing = true;
                LOG.warn("Could not use the Oktopost call budget in the database; counting in this process until it answers", e);
            }
            return fallback.locked(() -> work.apply(fallback));
        }
    }

    /** {@code recent} holds the calls of the last minute, oldest first. */
    private static Duration waitForWindow(List<Instant> recent, Instant now, Duration window, int allowed) {
        Instant windowStart = now.minus(window);
        int inWindow = 0;
        Instant oldestCounted = null;
        // Walk back from the newest call; the allowed-th newest call is the one that has to leave the window.
        for (int i = recent.size() - 1; i >= 0; i--) {
            Instant at = recent.get(i);
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
}
