package com.oktoslack.jobs;

import java.time.Duration;

/**
 * What waits of one kind of work: how many are due or coming, how long the oldest due one has waited, and how
 * many used up their attempts.
 */
public record QueueDepth(long waiting, Duration oldest, long failed) {

    public static final QueueDepth EMPTY = new QueueDepth(0, Duration.ZERO, 0);

    public QueueDepth plus(QueueDepth other) {
        return new QueueDepth(waiting + other.waiting, oldest.compareTo(other.oldest) >= 0 ? oldest : other.oldest,
                failed + other.failed);
    }
}
