package com.oktoslack.jobs;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Failed jobs are listed for {@code okto.jobs.keep-failures-for}, then forgotten. */
@Singleton
class FailurePruning implements RecurringJob {

    private final JobFailureRepository failures;
    private final JobSettings settings;
    private final Clock clock;

    FailurePruning(JobFailureRepository failures, JobSettings settings, Clock clock) {
        this.failures = failures;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "jobs.prune-failures";
    }

    @Override
    public Duration every() {
        return Duration.ofHours(6);
    }

    @Override
    public void run() {
        failures.pruneBefore(Instant.now(clock).minus(settings.keepFailuresFor()));
    }
}
