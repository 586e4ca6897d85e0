package com.oktoslack.slack;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * Logs rejected Slack requests without letting a flood of them flood the log: the first one in a minute
 * gets a line, the rest of that minute are counted and summarised in one line when the minute is over.
 * Never logs the body or headers, which an attacker controls.
 */
@Singleton
class RejectedRequests {

    static final Duration PERIOD = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(RejectedRequests.class);

    // Real time, not the app's movable clock: this paces the log.
    private final Clock clock = Clock.systemUTC();
    private long windowStart = Long.MIN_VALUE;
    private long unreported;
    private String lastReason;

    void reject(int status, String reason) {
        long now = clock.millis();
        String line = null;
        synchronized (this) {
            if (windowStart == Long.MIN_VALUE || now - windowStart >= PERIOD.toMillis()) {
                line = summary();
                windowStart = now;
                line = (line == null ? "" : line + "; ") + "rejected a Slack request with " + status + ": " + reason;
            } else {
                unreported++;
                lastReason = status + ": " + reason;
            }
        }
        if (line != null) {
            LOG.warn(line);
        }
    }

    /**
     * Reports what the last minute counted, so a flood that stops is still told. Not on the job engine: the
     * counts are this replica's own log lines, lost with it and worth nothing to another, so nothing here is
     * durable work.
     */
    @Scheduled(fixedDelay = "1m", initialDelay = "1m")
    void flush() {
        String line;
        synchronized (this) {
            if (windowStart != Long.MIN_VALUE && clock.millis() - windowStart < PERIOD.toMillis()) {
                return;
            }
            line = summary();
        }
        if (line != null) {
            LOG.warn(line);
        }
    }

    private String summary() {
        if (unreported == 0) {
            return null;
        }
        String line = "rejected " + unreported + " more Slack request(s) in the last minute (latest " + lastReason + ")";
        unreported = 0;
        return line;
    }
}
