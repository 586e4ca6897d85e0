package com.oktoslack.jobs;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Optional;

/**
 * Puts work on the job engine. Job times are wall-clock instants: the engine and every replica keep to the
 * system clock, so a test that moves the app's clock moves what a job computes, not when it runs.
 */
@Singleton
public class Jobs {

    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);

    // The engine is built from every job bean, and jobs schedule more work through this: taken when first used.
    private final BeanProvider<JobEngine> engine;

    Jobs(BeanProvider<JobEngine> engine) {
        this.engine = engine;
    }

    /** Runs that {@link RecurringJob} as soon as a replica can; many nudges before it starts make one run. Never throws. */
    public void nudge(String kind) {
        nudgeAt(kind, Instant.now());
    }

    /**
     * Brings that {@link RecurringJob}'s next run forward to {@code at}. A run under way is left alone: it looks
     * at its table until it finds nothing due, and the sweep after it comes {@code every()} later.
     */
    public void nudgeAt(String kind, Instant at) {
        try {
            TaskInstanceId id = TaskInstanceId.of(kind, RecurringTask.INSTANCE);
            Scheduler scheduler = engine.get().scheduler();
            Optional<ScheduledExecution<Object>> next = scheduler.getScheduledExecution(id);
            if (next.isPresent() && !next.get().isPicked() && next.get().getExecutionTime().isAfter(at)) {
                scheduler.reschedule(id, at);
            }
        } catch (RuntimeException e) {
            // Picked by a replica between the read and the update, or the database busy for a moment: the work is
            // in its table either way, and the sweep's own schedule still comes.
            LOG.debug("{} was not brought forward: {}", kind, e.toString());
        }
        if (!at.isAfter(Instant.now())) {
            engine.get().wake();
        }
    }

    /** Once per kind and id: {@code false} when one with that id already waits (or runs). */
    public <D> boolean schedule(String kind, String id, D data, Instant at) {
        boolean scheduled = engine.get().scheduler().scheduleIfNotExists(new TaskInstance<>(kind, id, data), at);
        wakeIfDue(scheduled, at);
        return scheduled;
    }

    /**
     * Moves the one waiting with that id to {@code at}, or schedules it. {@code false} when it is running now
     * (here or on another replica), which is left to finish.
     */
    public <D> boolean reschedule(String kind, String id, D data, Instant at) {
        Scheduler scheduler = engine.get().scheduler();
        boolean done;
        if (scheduler.scheduleIfNotExists(new TaskInstance<>(kind, id, data), at)) {
            done = true;
        } else {
            Optional<ScheduledExecution<Object>> waiting = scheduler.getScheduledExecution(TaskInstanceId.of(kind, id));
            try {
                done = waiting.isPresent() && !waiting.get().isPicked()
                        && scheduler.reschedule(TaskInstanceId.of(kind, id), at, data);
            } catch (RuntimeException e) {
                done = false; // picked between the read and the update
            }
        }
        wakeIfDue(done, at);
        return done;
    }

    /** {@code false} when none waited (already done, running, or never scheduled). */
    public boolean cancel(String kind, String id) {
        Scheduler scheduler = engine.get().scheduler();
        TaskInstanceId instance = TaskInstanceId.of(kind, id);
        Optional<ScheduledExecution<Object>> waiting = scheduler.getScheduledExecution(instance);
        if (waiting.isEmpty() || waiting.get().isPicked()) {
            return false;
        }
        scheduler.cancel(instance);
        return true;
    }

    /** Whether a job of that kind and id waits or runs. */
    public boolean waiting(String kind, String id) {
        return engine.get().scheduler().getScheduledExecution(TaskInstanceId.of(kind, id)).isPresent();
    }

    private void wakeIfDue(boolean scheduled, Instant at) {
        if (scheduled && !at.isAfter(Instant.now())) {
            engine.get().wake();
        }
    }
}
