package com.oktoslack.stories;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oktoslack.oktopost.OktopostException;
import com.oktoslack.slack.UserMessages;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Accepted modal submissions, carried out after the ack. A request is stored before the ack, so it survives
 * a crash; a second submission of the same modal is recognised by its view id. Passing failures (Oktopost
 * busy or unreachable) are retried with backoff; requests a stopped process left unfinished are resumed.
 */
@Singleton
class StoryRequests {

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
    static final int MAX_ATTEMPTS = 5;

    private final StoryRequestRepository repository;
    private final Map<String, Work> works;
    private final ObjectMapper json;
    private final ExecutorService afterAck;
    private final Clock clock;
    private final Instant startedAt;
    private volatile boolean revived;

    StoryRequests(StoryRequestRepository repository, List<Work> works, ObjectMapper json,
                  @Named("after-ack") ExecutorService afterAck, Clock clock) {
        this.repository = repository;
        this.works = works.stream().collect(Collectors.toMap(Work::kind, Function.identity()));
        this.json = json;
        this.afterAck = afterAck;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    /** Stores the plan; false when this modal was already submitted (nothing is stored then). */
    boolean accept(String viewId, String kind, String slackUserId, Object plan) {
        return repository.insertIfAbsent(viewId, kind, slackUserId, write(plan), clock.instant()) == 1;
    }

    /** Carries out the request after the ack. */
    void start(String viewId) {
        afterAck.execute(() -> run(viewId));
    }

    @Scheduled(fixedDelay = "${okto.stories.sweep-every}", initialDelay = "${okto.stories.sweep-delay}")
    void sweep() {
        try {
            if (!revived) {
                int revivedCount = repository.reviveInterrupted(startedAt, clock.instant());
                revived = true;
                if (revivedCount > 0) {
                    LOG.info("Resuming {} story request(s) left unfinished by the last run", revivedCount);
                }
            }
            repository.findDue(clock.instant()).forEach(request -> run(request.viewId()));
        } catch (RuntimeException e) {
            LOG.warn("Story requests could not be swept", e);
        }
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
        boolean retry = isPassing(failure) && attempts < MAX_ATTEMPTS;
        String reference = UserMessages.newReference();
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (retry) {
            Duration wait = failure instanceof OktopostException.RateLimited limited && limited.retryAfter() != null
                    ? limited.retryAfter() : Duration.ofMinutes(1L << (attempts - 1));
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
