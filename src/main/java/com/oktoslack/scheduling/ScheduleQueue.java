package com.oktoslack.scheduling;

import com.oktoslack.jobs.QueueDepth;
import com.oktoslack.jobs.WorkQueue;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;

/** Scheduling requests waiting to be carried out, and those that failed in the last week. */
@Singleton
class ScheduleQueue implements WorkQueue {

    static final Duration FAILED_SHOWN_FOR = Duration.ofDays(7);

    private final ScheduleRequestRepository requests;

    ScheduleQueue(ScheduleRequestRepository requests) {
        this.requests = requests;
    }

    @Override
    public String kind() {
        return ScheduleRunner.KIND;
    }

    @Override
    public QueueDepth depth(Instant now) {
        Duration oldest = requests.findOldestWaiting()
                .map(r -> r.nextAttemptAt() == null ? r.createdAt() : r.nextAttemptAt())
                .filter(due -> due.isBefore(now))
                .map(due -> Duration.between(due, now))
                .orElse(Duration.ZERO);
        return new QueueDepth(requests.countWaiting(), oldest, requests.countFailedSince(now.minus(FAILED_SHOWN_FOR)));
    }
}
