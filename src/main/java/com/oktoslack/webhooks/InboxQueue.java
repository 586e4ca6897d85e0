package com.oktoslack.webhooks;

import com.oktoslack.jobs.QueueDepth;
import com.oktoslack.jobs.WorkQueue;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The inbox, as {@code /okto status} and the metrics show it: events waiting, the longest due, those given up. */
@Singleton
class InboxQueue implements WorkQueue {

    private final InboxRepository inbox;

    InboxQueue(InboxRepository inbox) {
        this.inbox = inbox;
    }

    @Override
    public String kind() {
        return WebhookWorker.KIND;
    }

    @Override
    public QueueDepth depth(Instant now) {
        List<InboxEntry> longest = inbox.findLongestDue(now);
        Duration oldest = longest.isEmpty() ? Duration.ZERO : Duration.between(longest.get(0).nextAttemptAt(), now);
        return new QueueDepth(inbox.countByStatus(InboxEntry.PENDING), oldest.isNegative() ? Duration.ZERO : oldest,
                inbox.countByStatus(InboxEntry.FAILED));
    }
}
