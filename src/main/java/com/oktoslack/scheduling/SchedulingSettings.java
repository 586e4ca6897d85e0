package com.oktoslack.scheduling;

import com.oktoslack.jobs.Retry;
import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * Tunables of carrying out scheduling requests; defaults in application.yml.
 *
 * @param sweepEvery    how often requests waiting (for a retry, or cut short by a stopped replica) are looked for;
 *                      a submission is started at once all the same
 * @param attempts      tries in all for a request that fails in passing (Oktopost busy, erring or unreachable)
 * @param retryFirst    the wait before the second try; each later wait doubles it
 * @param retryMax      the longest wait between two tries
 */
@ConfigurationProperties("okto.scheduling")
record SchedulingSettings(Duration sweepEvery, int attempts, Duration retryFirst, Duration retryMax) {

    Retry retry() {
        return new Retry(attempts, retryFirst, retryMax);
    }
}
