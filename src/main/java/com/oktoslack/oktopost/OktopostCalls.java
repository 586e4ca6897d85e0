package com.oktoslack.oktopost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oktoslack.oktopost.Envelopes.Reply;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs one HTTP call to Oktopost: asks the budget first (waiting when the wait is short), then turns every
 * failure, whether an error status, {@code Result:false} or no answer, into an {@link OktopostException}
 * carrying Oktopost's own message. Nothing from the HTTP client escapes past here.
 */
@Singleton
class OktopostCalls {

    private static final Logger LOG = LoggerFactory.getLogger(OktopostCalls.class);

    private final OktopostBudget budget;
    private final OktopostLimits limits;
    private final OktopostSettings settings;
    private final ObjectMapper json;
    private final Sleeper sleeper;
    private final Clock clock;
    private final OktopostMetrics metrics;

    OktopostCalls(OktopostBudget budget, OktopostLimits limits, OktopostSettings settings, ObjectMapper json,
                  Sleeper sleeper, Clock clock, OktopostMetrics metrics) {
        this.budget = budget;
        this.limits = limits;
        this.settings = settings;
        this.json = json;
        this.sleeper = sleeper;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** A call whose answer must carry a body. */
    <T extends Reply> T call(String what, Supplier<HttpResponse<T>> request) {
        T body = send(what, request);
        if (body == null) {
            throw new OktopostException.ServerError(200, "Oktopost answered " + what + " without a body");
        }
        return body;
    }

    /** A call (a delete) where an empty 2xx answer is success too. */
    <T extends Reply> void callExpectingNothing(String what, Supplier<HttpResponse<T>> request) {
        send(what, request);
    }

    private <T extends Reply> @Nullable T send(String what, Supplier<HttpResponse<T>> request) {
        awaitBudget(what);
        HttpResponse<?> response;
        try {
            response = request.get();
        } catch (HttpClientResponseException e) {
            metrics.answered(what, e.getStatus().getCode());
            throw failure(what, e.getStatus().getCode(), e.getResponse());
        } catch (HttpClientException e) {
            metrics.failed(what, "no-answer");
            LOG.warn("Oktopost {} got no answer: {}", what, e.getMessage());
            throw new OktopostException.Unreachable("No answer from Oktopost at " + settings.baseUrl() + " for " + what
                    + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // E.g. an answer whose JSON does not fit the records: treated like a server fault.
            metrics.failed(what, "unreadable");
            LOG.warn("Oktopost's answer to {} could not be read: {}", what, e.toString());
            throw new OktopostException.ServerError(0, "Oktopost's answer to " + what + " could not be read");
        }
        int status = response.code();
        metrics.answered(what, status);
        if (status >= 400) {
            // The declarative client hands a 404 back as a response instead of throwing.
            throw failure(what, status, response);
        }
        @SuppressWarnings("unchecked")
        T body = (T) response.body();
        if (body != null && Boolean.FALSE.equals(body.result())) {
            String message = Optional.ofNullable(OktopostErrors.describe(body.errors())).orElse("Oktopost refused " + what);
            LOG.debug("Oktopost {} answered Result:false: {}", what, message);
            throw new OktopostException.Rejected(status, message);
        }
        return body;
    }

    /** Waits for room in the limits, at most {@code max-wait} in all, else fails with RateLimited. */
    private void awaitBudget(String what) {
        Duration waited = Duration.ZERO;
        while (true) {
            Duration wait = budget.tryAcquire();
            if (wait.isZero()) {
                return;
            }
            if (waited.plus(wait).compareTo(limits.maxWait()) > 0) {
                String why = budget.blockedByOktopost()
                        ? "Oktopost has blocked this account's API calls for exceeding its rate limit"
                        : "Holding back Oktopost calls to stay within the account's API limits";
                throw new OktopostException.RateLimited(0, why + "; next call possible in " + wait.toSeconds() + " s", wait);
            }
            LOG.debug("Holding {} for {} ms to stay inside Oktopost's limits", what, wait.toMillis());
            try {
                sleeper.sleep(wait);
                waited = waited.plus(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OktopostException.RateLimited(0, "Interrupted while waiting for Oktopost's rate limit", wait);
            }
        }
    }

    private OktopostException failure(String what, int status, @Nullable HttpResponse<?> response) {
        String message = Optional.ofNullable(errorsIn(response))
                .orElse("Oktopost answered " + what + " with HTTP " + status);
        Duration retryAfter = null;
        if (status == 429) {
            retryAfter = retryAfter(response).orElse(limits.blockAfterBreach());
            budget.blockedFor(retryAfter);
            LOG.warn("Oktopost rate-limited {}; no calls for {} s", what, retryAfter.toSeconds());
        } else if (status >= 500) {
            LOG.warn("Oktopost {} failed with HTTP {}: {}", what, status, message);
        } else {
            LOG.debug("Oktopost {} failed with HTTP {}: {}", what, status, message);
        }
        return OktopostErrors.forStatus(status, message, retryAfter);
    }

    private @Nullable String errorsIn(@Nullable HttpResponse<?> response) {
        if (response == null) {
            return null;
        }
        JsonNode body = response.getBody(JsonNode.class).orElse(null);
        if (body == null) {
            body = response.getBody(String.class).map(this::parseOrNull).orElse(null);
        }
        return body == null ? null : OktopostErrors.describe(body.get("Errors"));
    }

    private @Nullable JsonNode parseOrNull(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    /** Retry-After in seconds or as an HTTP date. */
    private Optional<Duration> retryAfter(@Nullable HttpResponse<?> response) {
        if (response == null) {
            return Optional.empty();
        }
        return response.getHeaders().findFirst("Retry-After").map(String::strip).flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    return Optional.of(Duration.between(clock.instant(), at)).filter(d -> !d.isNegative());
                } catch (DateTimeParseException notADate) {
                    return Optional.empty();
                }
            }
        });
    }
}
