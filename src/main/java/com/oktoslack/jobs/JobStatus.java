package com.oktoslack.jobs;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What waits, per kind of work, for all replicas together: the engine's own delayed jobs, the tables that
 * features work through sweeps ({@link WorkQueue}), and the jobs that used up their attempts.
 */
@Singleton
public class JobStatus {

    private final JobEngine engine;
    private final List<WorkQueue> queues;
    private final JobFailureRepository failures;

    JobStatus(JobEngine engine, List<WorkQueue> queues, JobFailureRepository failures) {
        this.engine = engine;
        this.queues = queues;
        this.failures = failures;
    }

    /** By kind, in name order; every known kind is listed, waiting or not. */
    public Map<String, QueueDepth> byKind(Instant now) {
        Map<String, QueueDepth> depths = new TreeMap<>();
        for (WorkQueue queue : queues) {
            depths.merge(queue.kind(), queue.depth(now), QueueDepth::plus);
        }
        for (String kind : engine.delayedKinds()) {
            depths.merge(kind, delayed(kind, now), QueueDepth::plus);
        }
        for (FailedCount failed : failures.countByKind()) {
            depths.merge(failed.kind(), new QueueDepth(0, Duration.ZERO, failed.failed()), QueueDepth::plus);
        }
        return depths;
    }

    private QueueDepth delayed(String kind, Instant now) {
        List<ScheduledExecution<Object>> executions = engine.scheduler().getScheduledExecutionsForTask(kind);
        Duration oldest = Duration.ZERO;
        for (ScheduledExecution<Object> execution : executions) {
            Duration waited = Duration.between(execution.getExecutionTime(), now);
            if (waited.compareTo(oldest) > 0) {
                oldest = waited;
            }
        }
        return new QueueDepth(executions.size(), oldest, 0);
    }
}
