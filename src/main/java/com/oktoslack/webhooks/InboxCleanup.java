package com.oktoslack.webhooks;

import com.oktoslack.jobs.RecurringJob;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Settled events are kept a month (for questions about what arrived), then forgotten. */
@Singleton
class InboxCleanup implements RecurringJob {

    private final InboxRepository inbox;
    private final Clock clock;

    InboxCleanup(InboxRepository inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "webhooks.forget-old";
    }

    @Override
    public Duration every() {
        return Duration.ofHours(6);
    }

    @Override
    public void run() {
        inbox.deleteSettledBefore(Instant.now(clock).minus(Duration.ofDays(30)));
    }
}
