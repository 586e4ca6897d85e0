package com.oktoslack.jobs;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;

/**
 * Puts work on the job engine. Job times are wall-clock instants: the engine and every replica keep to the
 * system clock, so a test that moves the app's clock moves what a job computes, not when it runs.
 */
@Singleton
public class Jobs {

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
     * Brings that {@link RecurringJob}'s next run forward to {@code at}. A run under way is left alone when
     * {@code at} is now, as it looks at its table until it finds nothing due; for a later {@code at}, the run
     * after it comes then. Never throws.
     */
    public void nudgeAt(String kind, Instant at) {
        engine.get().bringForward(kind, at);
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
