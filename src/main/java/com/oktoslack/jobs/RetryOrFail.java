package com.oktoslack.jobs;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;

/**
 * A delayed job that threw: tried again after its {@link Retry}'s backoff, and once its attempts are used up,
 * recorded as failed (so it stays visible) and told to the job.
 */
final class RetryOrFail<D> implements FailureHandler<D> {

    private static final Logger LOG = LoggerFactory.getLogger(RetryOrFail.class);
    private static final int MAX_REASON = 300;

    private final DelayedJob<D> job;
    private final JobFailureRepository failures;
    private final Clock clock;

    RetryOrFail(DelayedJob<D> job, JobFailureRepository failures, Clock clock) {
        this.job = job;
        this.failures = failures;
        this.clock = clock;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void onFailure(ExecutionComplete complete, ExecutionOperations<D> operations) {
        int made = complete.getExecution().consecutiveFailures + 1;
        Retry retry = job.retry();
        if (!retry.exhausted(made)) {
            operations.reschedule(complete, complete.getTimeDone().plus(retry.delayBefore(made + 1)));
            return;
        }
        String id = complete.getExecution().taskInstance.getId();
        Exception cause = complete.getCause().map(RetryOrFail::unwrapped).orElse(new IllegalStateException("failed"));
        LOG.warn("Job {} {} failed {} time(s) and is given up", job.kind(), id, made);
        failures.record(job.kind(), id, made, reason(cause), Instant.now(clock));
        operations.remove();
        try {
            job.exhausted((D) complete.getExecution().taskInstance.getData(), cause);
        } catch (RuntimeException e) {
            LOG.warn("Job {} {} could not report its failure", job.kind(), id, e);
        }
    }

    private static Exception unwrapped(Throwable thrown) {
        if (thrown instanceof JobEngine.JobFailed failed && failed.getCause() instanceof Exception cause) {
            return cause;
        }
        return thrown instanceof Exception e ? e : new IllegalStateException(thrown);
    }

    /** The kind of failure and its message, short: never a body or a header, which may hold a secret. */
    private static String reason(Exception cause) {
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage();
        String reason = cause.getClass().getSimpleName() + message;
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "…" : reason;
    }
}
