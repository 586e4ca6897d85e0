package com.oktoslack.scheduling;

import com.oktoslack.jobs.DelayedJob;
import com.oktoslack.jobs.Jobs;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * Brings the scheduling sweep forward to when the next retry is due. The sweep cannot do it itself: a nudge
 * while it runs is ignored, and its own next run is a whole {@code sweep-every} later.
 */
@Singleton
class ScheduleWake implements DelayedJob<ScheduleWake.Due> {

    static final String KIND = "scheduling.requests.wake";
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleWake.class);

    record Due(String sweep) {
    }

    private final Jobs jobs;

    ScheduleWake(Jobs jobs) {
        this.jobs = jobs;
    }

    /** One wake at a time: a later call moves it. The job engine's times are wall-clock. */
    void at(Duration fromNow) {
        try {
            jobs.reschedule(KIND, "next", new Due(ScheduleRunner.KIND), Instant.now().plus(fromNow));
        } catch (RuntimeException e) {
            // The wake is running at this moment; the sweep's own schedule still comes.
            LOG.info("The next scheduling retry waits for the sweep: {}", e.toString());
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Class<Due> dataType() {
        return Due.class;
    }

    @Override
    public void run(Due due) {
        jobs.nudge(due.sweep());
    }
}
