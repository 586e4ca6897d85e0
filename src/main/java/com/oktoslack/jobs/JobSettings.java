package com.oktoslack.jobs;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;

import java.time.Duration;

/**
 * The job engine's tunables; defaults in application.yml ({@code okto.jobs}). A replica that stops beating
 * for {@code heartbeatEvery * missedHeartbeats} is taken for dead and its running jobs go to another.
 */
@ConfigurationProperties("okto.jobs")
@Requires(property = "okto.jobs.poll-every")
record JobSettings(Duration pollEvery, Duration heartbeatEvery, int missedHeartbeats, int threads,
                   Duration shutdownWait, Duration keepFailuresFor) {
}
