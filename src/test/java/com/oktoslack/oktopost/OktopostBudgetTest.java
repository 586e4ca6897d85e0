package com.oktoslack.oktopost;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OktopostBudgetTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-10T12:00:00Z"));
    private final MemoryBudgetStore store = new MemoryBudgetStore();

    @Test
    void neverMoreThanSixtyPerMinuteNorHundredTwentyPerFiveSeconds() {
        OktopostBudget budget = new OktopostBudget(OktopostLimits.documented(), store, clock);
        List<Instant> calls = callAsFastAsAllowed(budget, Duration.ofMinutes(10), Duration.ofMillis(100));

        assertEquals(600, calls.size(), "60 per minute for 10 minutes, when the caller waits as told");
        assertWindowNeverExceeded(calls, Duration.ofMinutes(1), 60);
        assertWindowNeverExceeded(calls, Duration.ofSeconds(5), 120);
    }

    @Test
    void theFiveSecondWindowBindsWhenItIsTheTighterOne() {
        OktopostLimits limits = new OktopostLimits(1000, 120, 20_000, Duration.ofMinutes(15), Duration.ofSeconds(30));
        OktopostBudget budget = new OktopostBudget(limits, store, clock);
        List<Instant> calls = callAsFastAsAllowed(budget, Duration.ofSeconds(30), Duration.ofMillis(10));

        assertWindowNeverExceeded(calls, Duration.ofSeconds(5), 120);
        assertEquals(720, calls.size(), "120 per 5 s for 30 s");
    }

    @Test
    void saysHowLongToWaitInsteadOfSleeping() {
        OktopostBudget budget = new OktopostBudget(OktopostLimits.documented(), store, clock);
        for (int i = 0; i < 60; i++) {
            assertEquals(Duration.ZERO, budget.tryAcquire());
            clock.advance(Duration.ofMillis(500));
        }
        // The first call was 30 s ago; it leaves the minute window in 30 s.
        assertEquals(Duration.ofSeconds(30), budget.tryAcquire());
        assertEquals(60, budget.status().callsToday(), "a refused call is not counted");
    }

    @Test
    void dailyCountIsStoredRestoredAndResetAtMidnightUtc() {
        OktopostBudget before = new OktopostBudget(OktopostLimits.documented(), store, clock);
        for (int i = 0; i < 7; i++) {
            before.tryAcquire();
        }
        assertEquals(7, store.callsOn(LocalDate.parse("2025-03-10")));

        OktopostBudget afterRestart = new OktopostBudget(OktopostLimits.documented(), store, clock);
        assertEquals(7, afterRestart.status().callsToday());
        assertEquals(20_000 - 7, afterRestart.status().remaining());

        clock.set(Instant.parse("2025-03-11T00:00:00Z"));
        assertEquals(0, afterRestart.status().callsToday());
        afterRestart.tryAcquire();
        assertEquals(1, store.callsOn(LocalDate.parse("2025-03-11")));
        assertEquals(7, store.callsOn(LocalDate.parse("2025-03-10")));
    }

    @Test
    void anExhaustedDayWaitsUntilMidnightUtc() {
        for (int i = 0; i < 20_000; i++) {
            store.recordCall(Instant.parse("2025-03-10T00:00:00Z"));
        }
        OktopostBudget budget = new OktopostBudget(OktopostLimits.documented(), store, clock);
        assertEquals(Duration.ofHours(12), budget.tryAcquire());
        clock.advance(Duration.ofHours(12));
        assertEquals(Duration.ZERO, budget.tryAcquire());
    }

    @Test
    void aBlockHoldsEveryCallAndSurvivesARestart() {
        OktopostBudget budget = new OktopostBudget(OktopostLimits.documented(), store, clock);
        budget.blockedFor(Duration.ofMinutes(15));
        assertEquals(Duration.ofMinutes(15), budget.tryAcquire());
        assertEquals(Instant.parse("2025-03-10T12:15:00Z"), budget.status().blockedUntil());

        clock.advance(Duration.ofMinutes(5));
        OktopostBudget afterRestart = new OktopostBudget(OktopostLimits.documented(), store, clock);
        assertEquals(Duration.ofMinutes(10), afterRestart.tryAcquire());
        assertTrue(afterRestart.blockedByOktopost());

        clock.advance(Duration.ofMinutes(10));
        assertEquals(Duration.ZERO, afterRestart.tryAcquire());
        assertNull(afterRestart.status().blockedUntil());
    }

    @Test
    void aBlockStartedLateInTheDayStillHoldsAfterMidnight() {
        clock.set(Instant.parse("2025-03-10T23:55:00Z"));
        new OktopostBudget(OktopostLimits.documented(), store, clock).blockedFor(Duration.ofMinutes(15));
        clock.set(Instant.parse("2025-03-11T00:05:00Z"));
        OktopostBudget nextDay = new OktopostBudget(OktopostLimits.documented(), store, clock);
        assertEquals(Duration.ofMinutes(5), nextDay.tryAcquire());
    }

    @Test
    void aShorterBlockNeverShortensALongerOne() {
        OktopostBudget budget = new OktopostBudget(OktopostLimits.documented(), store, clock);
        budget.blockedFor(Duration.ofMinutes(15));
        budget.blockedFor(Duration.ofSeconds(10));
        assertEquals(Duration.ofMinutes(15), budget.tryAcquire());
    }

    @Test
    void concurrentCallersNeverGetMoreThanTheWindowAllows() throws InterruptedException {
        OktopostBudget budget = new OktopostBudget(OktopostLimits.documented(), store, clock);
        AtomicInteger granted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch done = new CountDownLatch(8);
        for (int t = 0; t < 8; t++) {
            pool.execute(() -> {
                for (int i = 0; i < 50; i++) {
                    if (budget.tryAcquire().isZero()) {
                        granted.incrementAndGet();
                    }
                }
                done.countDown();
            });
        }
        assertTrue(done.await(10, TimeUnit.SECONDS));
        pool.shutdown();
        assertEquals(60, granted.get());
        assertEquals(60, budget.status().callsToday());
    }

    @Test
    void aStoreThatFailsDoesNotStopCalls() {
        BudgetStore broken = new MemoryBudgetStore() {
            @Override
            public <T> T locked(java.util.function.Supplier<T> work) {
                throw new IllegalStateException("database is locked");
            }
        };
        OktopostBudget budget = new OktopostBudget(OktopostLimits.documented(), broken, clock);
        assertEquals(Duration.ZERO, budget.tryAcquire());
        assertEquals(1, budget.status().callsToday());
    }

    /** Calls whenever allowed, waits exactly as long as told, and returns when each call was let through. */
    private List<Instant> callAsFastAsAllowed(OktopostBudget budget, Duration during, Duration betweenAttempts) {
        Instant end = clock.instant().plus(during);
        List<Instant> calls = new ArrayList<>();
        while (clock.instant().isBefore(end)) {
            Duration wait = budget.tryAcquire();
            if (wait.isZero()) {
                calls.add(clock.instant());
                clock.advance(betweenAttempts);
            } else {
                assertTrue(!wait.isNegative() && !wait.isZero());
                clock.advance(wait);
            }
        }
        return calls;
    }

    private static void assertWindowNeverExceeded(List<Instant> calls, Duration window, int allowed) {
        for (int i = 0; i < calls.size(); i++) {
            Instant at = calls.get(i);
            long inWindow = calls.stream().filter(c -> !c.isAfter(at) && c.isAfter(at.minus(window))).count();
            assertTrue(inWindow <= allowed, inWindow + " calls in the " + window + " up to " + at);
        }
    }
}
