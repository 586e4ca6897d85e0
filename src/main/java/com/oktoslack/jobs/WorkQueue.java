package com.oktoslack.jobs;

import java.time.Instant;

/**
 * Work kept in a feature's own table, reported with the engine's jobs in {@code /okto status} and the
 * metrics. A bean implementing it is found by itself.
 */
public interface WorkQueue {

    /** The kind shown, usually that of the {@link RecurringJob} working the table. */
    String kind();

    QueueDepth depth(Instant now);
}
