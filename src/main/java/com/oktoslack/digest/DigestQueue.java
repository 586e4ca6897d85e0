package com.oktoslack.digest;

import com.oktoslack.jobs.QueueDepth;
import com.oktoslack.jobs.WorkQueue;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Digests due now and not sent yet, with how long the longest-waiting one has been due; a subscription whose
 * last send failed for good (Slack refused it, or the person is no longer linked) counts as failed until a
 * later send succeeds.
 */
@Singleton
class DigestQueue implements WorkQueue {

    private final DigestSubscriptions subscriptions;

    DigestQueue(DigestSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public String kind() {
        return DigestScheduler.KIND;
    }

    @Override
    public QueueDepth depth(Instant now) {
        long waiting = 0;
        long failed = 0;
        Duration oldest = Duration.ZERO;
        for (DigestSubscription subscription : subscriptions.all()) {
            Optional<LocalDate> day = DigestSchedule.dueDay(subscription, now);
            if (day.isPresent()) {
                waiting++;
                Duration due = Duration.between(DigestSchedule.dueOn(day.get(), subscription.time(), subscription.zoneId()), now);
                oldest = due.compareTo(oldest) > 0 ? due : oldest;
            } else if (subscription.lastError() != null && subscription.retryAt() == null) {
                failed++;
            }
        }
        return new QueueDepth(waiting, oldest, failed);
    }
}
