package com.oktoslack.oktopost;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The budget in the real database: read back by a new budget as after a restart, and shared by a second
 * app (a replica with its own connection pool) on the same database.
 */
@MicronautTest(transactional = false)
class DatabaseBudgetStoreTest extends OktopostTestBase {

    @Inject
    DatabaseBudgetStore store;

    @Inject
    BudgetDayRepository days;

    private ApplicationContext replica;
    private DatabaseBudgetStore replicaStore;

    @BeforeAll
    void startReplica() {
        replica = ApplicationContext.run(new java.util.HashMap<String, Object>(getProperties()), Environment.TEST);
        replicaStore = replica.getBean(DatabaseBudgetStore.class);
    }

    @AfterAll
    void stopReplica() {
        replica.close();
    }

    /** Calls and blocks of another test, at other dates, would count in this one's windows. */
    @BeforeEach
    void emptyBudget() {
        days.deleteAll();
        days.forgetCallsUpTo(Long.MAX_VALUE);
    }

    @Test
    void aRestartedBudgetKnowsTodaysCallsAndTheBlock() {
        MutableClock clock = new MutableClock(Instant.parse("2030-01-02T10:00:00Z"));
        OktopostBudget running = new OktopostBudget(OktopostLimits.documented(), store, clock);
        for (int i = 0; i < 5; i++) {
            running.tryAcquire();
        }
        running.blockedFor(Duration.ofMinutes(15));

        OktopostBudget restarted = new OktopostBudget(OktopostLimits.documented(), store, clock);
        assertEquals(5, restarted.status().callsToday());
        assertEquals(Instant.parse("2030-01-02T10:15:00Z"), restarted.status().blockedUntil());
        assertEquals(Duration.ofMinutes(15), restarted.tryAcquire());

        clock.set(Instant.parse("2030-01-03T00:00:01Z"));
        assertEquals(0, new OktopostBudget(OktopostLimits.documented(), store, clock).status().callsToday());
        assertEquals(5, store.callsOn(LocalDate.parse("2030-01-02")));
    }

    @Test
    void twoReplicasTogetherStayWithinTheWindows() {
        MutableClock clock = new MutableClock(Instant.parse("2031-05-06T10:00:00Z"));
        OktopostBudget[] replicas = {
                new OktopostBudget(OktopostLimits.documented(), store, clock),
                new OktopostBudget(OktopostLimits.documented(), replicaStore, clock)};
        List<Instant> calls = new ArrayList<>();
        int[] perReplica = new int[2];
        Instant end = clock.instant().plus(Duration.ofMinutes(3));
        int turn = 0;
        while (clock.instant().isBefore(end)) {
            int who = turn++ % 2;
            Duration wait = replicas[who].tryAcquire();
            if (wait.isZero()) {
                calls.add(clock.instant());
                perReplica[who]++;
                clock.advance(Duration.ofMillis(200));
            } else {
                clock.advance(wait);
            }
        }

        assertEquals(180, calls.size(), "60 a minute for both together, not for each");
        assertTrue(perReplica[0] > 0 && perReplica[1] > 0, "both replicas called");
        assertWindowNeverExceeded(calls, Duration.ofMinutes(1), 60);
        assertEquals(180, replicas[1].status().callsToday());
    }

    @Test
    void concurrentCallersOnTwoReplicasGetSixtyCallsInAMinute() throws InterruptedException {
        MutableClock clock = new MutableClock(Instant.parse("2032-07-08T10:00:00Z"));
        OktopostBudget first = new OktopostBudget(OktopostLimits.documented(), store, clock);
        OktopostBudget second = new OktopostBudget(OktopostLimits.documented(), replicaStore, clock);
        AtomicInteger granted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch done = new CountDownLatch(6);
        for (int t = 0; t < 6; t++) {
            OktopostBudget budget = t % 2 == 0 ? first : second;
            pool.execute(() -> {
                try {
                    for (int i = 0; i < 20; i++) {
                        if (budget.tryAcquire().isZero()) {
                            granted.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        assertTrue(done.await(60, TimeUnit.SECONDS));
        pool.shutdown();
        assertEquals(60, granted.get(), "the clock stands still, so the minute allows 60 calls in all");
        assertEquals(60, first.status().callsToday());
        assertEquals(60, second.status().callsToday());
    }

    @Test
    void aBlockSeenByOneReplicaHoldsTheOther() {
        MutableClock clock = new MutableClock(Instant.parse("2029-02-03T10:00:00Z"));
        new OktopostBudget(OktopostLimits.documented(), store, clock).blockedFor(Duration.ofMinutes(15));
        OktopostBudget other = new OktopostBudget(OktopostLimits.documented(), replicaStore, clock);
        assertEquals(Duration.ofMinutes(15), other.tryAcquire());
        assertTrue(other.blockedByOktopost());
    }

    private static void assertWindowNeverExceeded(List<Instant> calls, Duration window, int allowed) {
        for (Instant at : calls) {
            long inWindow = calls.stream().filter(c -> !c.isAfter(at) && c.isAfter(at.minus(window))).count();
            assertTrue(inWindow <= allowed, inWindow + " calls in the " + window + " up to " + at);
        }
    }
}
