package com.oktoslack.oktopost;

import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** After a 429 nothing reaches Oktopost until the block has passed, across restarts too. */
@MicronautTest(transactional = false)
class OktopostRateLimitTest extends OktopostTestBase {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-10T12:00:00Z"));

    @Inject
    DatabaseBudgetStore store;

    @Inject
    OktopostLimits limits;

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    /** Waiting moves the test's clock instead of the test's thread. */
    @MockBean(Sleeper.class)
    Sleeper sleeper() {
        return duration -> {
            sleeps.add(duration);
            clock.advance(duration);
        };
    }

    @Override
    Map<String, String> moreProperties() {
        // The documented limits, to see them in force here.
        return Map.of("oktopost.limits.per-minute", "60", "oktopost.limits.per-five-seconds", "120");
    }

    @BeforeEach
    void afterAnyEarlierBlock() {
        clock.advance(Duration.ofHours(1));
        sleeps.clear();
        // The app's budget runs on the moved clock here; the fake's own limits count real seconds.
        fake().rateLimits(100_000, 100_000, Duration.ofSeconds(1));
    }

    @Test
    void aShortRetryAfterIsWaitedOut() {
        fake().rateLimitNext(Duration.ofSeconds(10));
        assertEquals(Duration.ofSeconds(10),
                assertThrows(OktopostException.RateLimited.class, () -> okto.me()).retryAfter());

        assertEquals("Api User", okto.me().user().name());

        assertEquals(List.of(Duration.ofSeconds(10)), sleeps);
        assertEquals(2, fake().requests().size());
    }

    @Test
    void aShortPacingWaitIsWaitedOut() {
        for (int i = 0; i < 60; i++) {
            okto.me();
            clock.advance(Duration.ofMillis(500));
        }
        okto.me();

        assertEquals(List.of(Duration.ofSeconds(30)), sleeps, "the first call leaves the minute window 30 s later");
        assertEquals(61, fake().requests().size());
    }

    @Test
    void a429WithoutRetryAfterBlocksFifteenMinutes() {
        fake().rateLimitNext(null);

        OktopostException.RateLimited first = assertThrows(OktopostException.RateLimited.class, () -> okto.me());
        assertEquals(429, first.status());
        assertEquals(Duration.ofMinutes(15), first.retryAfter());
        assertEquals("API rate limit exceeded", first.getMessage());
        Instant until = clock.instant().plus(Duration.ofMinutes(15));
        assertEquals(until, okto.budget().blockedUntil());
        assertEquals(until, store.blockedUntil(), "the block is stored");

        clock.advance(Duration.ofMinutes(14));
        OktopostException.RateLimited held = assertThrows(OktopostException.RateLimited.class, () -> okto.me());
        assertEquals(Duration.ofMinutes(1), held.retryAfter());
        assertThrows(OktopostException.RateLimited.class, () -> okto.workflow("cwf000000000001"));
        assertEquals(1, fake().requests().size(), "no request reached Oktopost during the block");

        clock.advance(Duration.ofMinutes(1));
        assertEquals("Api User", okto.me().user().name());
        assertEquals(2, fake().requests().size());
    }

    @Test
    void retryAfterIsHonoured() {
        fake().rateLimitNext(Duration.ofSeconds(120));

        OktopostException.RateLimited first = assertThrows(OktopostException.RateLimited.class, () -> okto.me());
        assertEquals(Duration.ofSeconds(120), first.retryAfter());

        clock.advance(Duration.ofSeconds(60));
        OktopostException.RateLimited held = assertThrows(OktopostException.RateLimited.class, () -> okto.me());
        assertEquals(Duration.ofSeconds(60), held.retryAfter());
        assertEquals(1, fake().requests().size());

        clock.advance(Duration.ofSeconds(60));
        okto.me();
        assertEquals(2, fake().requests().size());
    }

    @Test
    void aFullMinuteWindowFailsFastWhenTheWaitIsLongerThanAllowed() {
        for (int i = 0; i < 60; i++) {
            okto.me();
        }
        OktopostException.RateLimited e = assertThrows(OktopostException.RateLimited.class, () -> okto.me());
        assertEquals(0, e.status(), "our own pacing, not Oktopost's answer");
        assertEquals(Duration.ofMinutes(1), e.retryAfter());
        assertTrue(limits.maxWait().compareTo(e.retryAfter()) < 0);
        assertEquals(60, fake().requests().size());
        assertEquals(okto.budget().callsToday(), store.callsOn(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
    }
}
