package com.oktoslack.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.oktoslack.storage.DatabaseVendor;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.net.InetAddress;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * All durable background work, on db-scheduler over the app's own database: every replica polls the same
 * table, and each due job is claimed by exactly one of them. A replica that stops (or is killed) stops beating;
 * its running jobs are then taken for dead and run again elsewhere, so every job must be safe to run twice
 * when the first run may have been cut short.
 */
@Singleton
class JobEngine implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(JobEngine.class);
    /** The engine's own: brings a sweep forward once the run it met has finished (see {@link #bringForward}). */
    static final String WAKE = "jobs.wake";
    private static final Duration WAKE_AGAIN = Duration.ofSeconds(1);

    private final Scheduler scheduler;
    private final Instant started = Instant.now();
    private final List<RecurringJob> recurring;
    private final List<String> kinds;
    private final List<String> delayedKinds;

    JobEngine(DataSource contextual, ConnectionOperations<Connection> connections, @Value("${datasources.default.url}") String url, JobSettings settings,
              List<RecurringJob> recurring, List<DelayedJob<?>> delayed, JobFailureRepository failures,
              ObjectMapper json, Clock clock) {
        DataSource dataSource = new JoiningDataSource(contextual, connections);
        Set<String> seen = new HashSet<>();
        List<Task<?>> oneTime = new ArrayList<>();
        List<RecurringTask<?>> sweeps = new ArrayList<>();
        List<String> delayedKinds = new ArrayList<>();
        for (RecurringJob job : recurring) {
            requireUnique(seen, job.kind());
            sweeps.add(Tasks.recurring(job.kind(), FixedDelay.of(job.every()))
                    .execute((instance, context) -> runSweep(job, started.plus(job.firstRunAfter()))));
        }
        for (DelayedJob<?> job : delayed) {
            requireUnique(seen, job.kind());
            oneTime.add(oneTime(job, failures, clock));
            delayedKinds.add(job.kind());
        }
        oneTime.add(Tasks.oneTime(WAKE, String.class).execute((instance, context) -> wakeUp(instance.getData())));
        this.recurring = List.copyOf(recurring);
        this.kinds = List.copyOf(seen);
        this.delayedKinds = List.copyOf(delayedKinds);
        JdbcCustomization columns = DatabaseVendor.of(url) == DatabaseVendor.SQLITE
                ? new SqliteJobColumns() : new AutodetectJdbcCustomization(dataSource);
        // Sweeps are known to db-scheduler through startTasks, which also creates their first run.
        this.scheduler = Scheduler.create(dataSource, oneTime)
                .startTasks(sweeps)
                .jdbcCustomization(columns)
                .serializer(new JacksonSerializer(json))
                .schedulerName(new SchedulerName.Fixed(replicaName()))
                .pollingInterval(settings.pollEvery())
                .heartbeatInterval(settings.heartbeatEvery())
                .missedHeartbeatsLimit(settings.missedHeartbeats())
                .threads(settings.threads())
                .shutdownMaxWait(settings.shutdownWait())
                .enableImmediateExecution()
                .failureLogging(LogLevel.WARN, true)
                .build();
    }

    private static <D> Task<D> oneTime(DelayedJob<D> job, JobFailureRepository failures, Clock clock) {
        FailureHandler<D> retry = new RetryOrFail<>(job, failures, clock);
        return Tasks.oneTime(job.kind(), job.dataType())
                .onFailure(retry)
                .execute((instance, context) -> {
                    try {
                        job.run(instance.getData());
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new JobFailed(e);
                    }
                });
    }

    private static void runSweep(RecurringJob job, Instant notBefore) {
        if (Instant.now().isBefore(notBefore)) {
            return;
        }
        try {
            job.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new JobFailed(e);
        }
    }

    private static void requireUnique(Set<String> seen, String kind) {
        if (!seen.add(kind)) {
            throw new IllegalStateException("Two background jobs are both called " + kind);
        }
    }

    /** Host and a random suffix: two replicas on one host, or a restart, never share a name. */
    private static String replicaName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "replica";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        scheduler.start();
        recurring.stream().filter(job -> !job.firstRunAfter().isZero())
                .forEach(job -> bringForward(job.kind(), started.plus(job.firstRunAfter())));
        LOG.info("Background jobs started: {}", String.join(", ", kinds.stream().sorted().toList()));
    }

    @PreDestroy
    void stop() {
        scheduler.stop();
    }

    Scheduler scheduler() {
        return scheduler;
    }

    /**
     * Brings a sweep's next run forward to {@code at}; one due sooner is left alone. A run under way is left
     * alone too when {@code at} is now (it looks at its table until it finds nothing due); for a later
     * {@code at} the run after it comes then. Never throws: the work is in its table either way, and the sweep's
     * own schedule still comes.
     */
    void bringForward(String kind, Instant at) {
        try {
            TaskInstanceId id = TaskInstanceId.of(kind, RecurringTask.INSTANCE);
            Optional<ScheduledExecution<Object>> next = scheduler.getScheduledExecution(id);
            if (next.isPresent() && next.get().isPicked()) {
                if (at.isAfter(Instant.now())) {
                    wakeLater(kind, at);
                }
            } else if (next.isPresent() && next.get().getExecutionTime().isAfter(at)) {
                scheduler.reschedule(id, at);
            }
        } catch (RuntimeException e) {
            // Picked by a replica between the read and the update, or the database busy for a moment.
            LOG.debug("{} was not brought forward: {}", kind, e.toString());
        }
        if (!at.isAfter(Instant.now())) {
            wake();
        }
    }

    /**
     * A sweep that runs now cannot be moved: the run after it would come a whole {@code every()} later. A wake
     * brings it forward at {@code at} instead, once the run has finished.
     */
    private void wakeLater(String kind, Instant at) {
        scheduler.scheduleIfNotExists(new TaskInstance<>(WAKE, kind + "@" + at.toEpochMilli(), kind), at);
    }

    private void wakeUp(String kind) {
        Optional<ScheduledExecution<Object>> next = scheduler.getScheduledExecution(TaskInstanceId.of(kind, RecurringTask.INSTANCE));
        if (next.isPresent() && next.get().isPicked()) {
            wakeLater(kind, Instant.now().plus(WAKE_AGAIN));
        } else {
            bringForward(kind, Instant.now());
        }
    }

    /** Due work scheduled here starts now, not at the next poll. */
    void wake() {
        scheduler.triggerCheckForDueExecutions();
    }

    List<String> delayedKinds() {
        return delayedKinds;
    }

    Instant now() {
        return Instant.now();
    }

    /** A checked exception from a job, carried out of db-scheduler's handler. */
    static final class JobFailed extends RuntimeException {
        JobFailed(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}
