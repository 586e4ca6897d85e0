package com.oktoslack.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test can set to any moment; from there it runs on with real time, so pacing and timeouts that
 * read it still see time pass.
 */
public final class MovableClock extends Clock {

    private final Clock real = Clock.systemUTC();
    private volatile Duration offset = Duration.ZERO;

    public MovableClock at(Instant moment) {
        offset = Duration.between(real.instant(), moment);
        return this;
    }

    public MovableClock at(String isoInstant) {
        return at(Instant.parse(isoInstant));
    }

    @Override
    public Instant instant() {
        return real.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MovableClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }
}
