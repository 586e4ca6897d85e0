package com.oktoslack.stories;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oktoslack.oktopost.OktopostException;
import com.oktoslack.slack.UserMessages;
import com.oktoslack.jobs.Jobs;
import com.oktoslack.jobs.RecurringJob;
import com.oktoslack.jobs.Retry;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Accepted modal submissions, carried out after the ack by the job {@value #KIND}. A request is stored before the
 * ack, so it survives a crash; a second submission of the same modal is recognised by its view id. Passing
 * failures (Oktopost busy or unreachable) are retried with the backoff of {@code okto.stories.retry}, then
 * 'failed'. The engine runs the job on one replica at a time, so a request still 'working' when it starts was
 * cut short by a stopped replica, and is resumed.
 */
@Singleton
class StoryRequests implements RecurringJob {

    static final String KIND = "stories.requests";

    /** What a kind of request does. Progress is saved through {@link Progress} so a resumed run skips done steps. */
    interface Work {
        String kind();

        void perform(StoryRequest request, Progress progress) throws Exception;

        /** Tells the person who submitted, with the request as far as it got; {@code willRetry} when another attempt follows. */
        void tellFailure(StoryRequest request, String reason, boolean willRetry);
    }

    interface Progress {
        void save(Object plan);
    }

    private static final Logger LOG = LoggerFactory.getLogger(StoryRequests.class);

    private final StoryRequestRepository repository;
    private final Map<String, Work> works;
    private final ObjectMapper json;
    private final Jobs jobs;
    private final Retry retry;
    private final Duration sweepEvery;
    private final Clock clock;

    StoryRequests(StoryRequestRepository repository, List<Work> works, ObjectMapper json, Jobs jobs, StoryRetry retry,
                  @Value("${okto.stories.sweep-every}") Duration sweepEvery, Clock clock) {
        this.repository = repository;
        this.works = works.stream().collect(Collectors.toMap(Work::kind, Function.identity()));
        this.json = json;
        this.jobs = jobs;
        this.retry = retry.retry();
        this.sweepEvery = sweepEvery;
        this.clock = clock;
    }

    /** Stores the plan; false when this modal was already submitted (nothing is stored then). */
    boolean accept(String viewId, String kind, String slackUserId, Object plan) {
        return repository.insertIfAbsent(viewId, kind, slackUserId, write(plan), clock.instant()) == 1;
    }

    /** The stored request is carried out by the next run of the job, brought forward to now. */
    void start(String viewId) {
        jobs.nudge(KIND);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Duration every() {
        return sweepEvery;
    }

    @Override
    public void run() {
        int revived = repository.reviveInterrupted(clock.instant());
        if (revived > 0) {
            LOG.info("Resuming {} story request(s) left unfinished by a stopped run", revived);
        }
        repository.findDue(clock.instant()).forEach(request -> run(request.viewId()));
    }

    /** A start carries on with what a stopped run left: the job's next run may be up to a sweep away. */
    @EventListener
    void onStartup(StartupEvent event) {
        jobs.nudge(KIND);
    }

    void run(String viewId) {
        if (repository.claim(viewId, clock.instant()) == 0) {
            return;
        }
        StoryRequest request = repository.findById(viewId).orElseThrow();
        Work work = works.get(request.kind());
        try {
            work.perform(request, plan -> repository.savePayload(viewId, write(plan), clock.instant()));
            repository.settle(viewId, StoryRequest.DONE, request.attempts() + 1, clock.instant(), null, clock.instant());
        } catch (Exception | Error failure) {
            settleFailure(request, work, failure);
        }
    }

    private void settleFailure(StoryRequest request, Work work, Throwable failure) {
        int attempts = request.attempts() + 1;
        Instant now = clock.instant();
        boolean retry = isPassing(failure) && !this.retry.exhausted(attempts);
        String reference = UserMessages.newReference();
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (retry) {
            Duration wait = failure instanceof OktopostException.RateLimited limited && limited.retryAfter() != null
                    ? limited.retryAfter() : this.retry.delayBefore(attempts + 1);
            repository.settle(request.viewId(), StoryRequest.RETRY, attempts, now.plus(wait), error, now);
            LOG.info("Story request {} ({}) will be retried in {}: {}", request.viewId(), request.kind(), wait, error);
        } else {
            repository.settle(request.viewId(), StoryRequest.FAILED, attempts, now, error, now);
            LOG.warn("Story request {} ({}) failed (reference {})", request.viewId(), request.kind(), reference, failure);
        }
        if (!retry || request.attempts() == 0) {
            try {
                StoryRequest latest = repository.findById(request.viewId()).orElse(request);
                work.tellFailure(latest, UserMessages.describe(failure, reference), retry);
            } catch (RuntimeException e) {
                LOG.warn("Could not tell {} about story request {}", request.slackUserId(), request.viewId(), e);
            }
        }
    }

    /** Oktopost pacing or unreachable, or Slack unreachable: worth another try later. */
    private static boolean isPassing(Throwable failure) {
        return failure instanceof OktopostException.RateLimited
                || failure instanceof OktopostException.ServerError
                || failure instanceof OktopostException.Unreachable
                || failure instanceof IOException;
    }

    private String write(Object plan) {
        try {
            return json.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot store the plan " + plan.getClass().getSimpleName(), e);
        }
    }
}
