package com.oktoslack.oktopost;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The budget's count and block in the real SQLite table, read back by a new budget as after a restart. */
@MicronautTest(transactional = false)
class SqliteBudgetStoreTest extends OktopostTestBase {

    @Inject
    SqliteBudgetStore store;

    @Inject
    OktopostLimits limits;

    @Test
    void aRestartedBudgetKnowsTodaysCallsAndTheBlock() {
        MutableClock clock = new MutableClock(Instant.parse("2030-01-02T10:00:00Z"));
        OktopostBudget running = new OktopostBudget(limits, store, clock);
        for (int i = 0; i < 5; i++) {
            running.tryAcquire();
        }
        running.blockedFor(Duration.ofMinutes(15));

        OktopostBudget restarted = new OktopostBudget(limits, store, clock);
        assertEquals(5, restarted.status().callsToday());
        assertEquals(Instant.parse("2030-01-02T10:15:00Z"), restarted.status().blockedUntil());
        assertEquals(Duration.ofMinutes(15), restarted.tryAcquire());

        clock.set(Instant.parse("2030-01-03T00:00:01Z"));
        assertEquals(0, new OktopostBudget(limits, store, clock).status().callsToday());
        assertEquals(5, store.callsOn(LocalDate.parse("2030-01-02")));
    }
}
