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

    /**
     * How long a replica that has just started leaves this job to the others. Its first run here comes that long
     * after start-up, however far off the stored schedule had it; a due run picked up sooner does nothing.
     */
    default Duration firstRunAfter() {
        return Duration.ZERO;
    }

    /** A throw is logged; the next run is {@link #every()} later, as after a success. */
    void run() throws Exception;
}
