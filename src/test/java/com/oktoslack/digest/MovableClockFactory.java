package com.oktoslack.digest;

import com.oktoslack.testing.MovableClock;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;

/** Swaps the app's clock for a {@link MovableClock}, in contexts that ask for it. */
@Factory
@Requires(property = "okto.digest.test-clock")
class MovableClockFactory {

    @Singleton
    @Replaces(Clock.class)
    MovableClock clock(@Value("${okto.digest.test-clock}") String start) {
        return new MovableClock().at(Instant.parse(start));
    }
}
