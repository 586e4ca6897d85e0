package com.oktoslack.jobs;

import java.time.Duration;

/**
 * A sweep over work kept in a table of its own (each row with its attempts and next try). It runs on exactly
 * one replica at a time, {@link #every()} after its last run ended, and as soon as it can after
 * {@link Jobs#nudge(String)}. A bean implementing it is registered with the engine by itself.
 */
public interface RecurringJob {

    /** Lower-case and dotted, e.g. {@code webhooks.drain}; unique among all jobs. */
    String kind();

    Duration every();

    /** A throw is logged; the next run is {@link #every()} later, as after a success. */
    void run() throws Exception;
}
