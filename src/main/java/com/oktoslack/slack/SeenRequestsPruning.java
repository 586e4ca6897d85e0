package com.oktoslack.slack;

import com.oktoslack.jobs.RecurringJob;
import jakarta.inject.Singleton;

import java.time.Duration;

/** Forgets remembered Slack requests once they can no longer come back: one replica prunes the shared table. */
@Singleton
class SeenRequestsPruning implements RecurringJob {

    private final SeenRequests seen;

    SeenRequestsPruning(SeenRequests seen) {
        this.seen = seen;
    }

    @Override
    public String kind() {
        return "slack.seen-requests.prune";
    }

    @Override
    public Duration every() {
        return Duration.ofMinutes(1);
    }

    @Override
    public void run() {
        seen.forgetExpired();
    }
}
