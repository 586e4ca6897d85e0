package com.oktoslack.slack;

import okhttp3.Interceptor;
import okhttp3.Response;
import org.jetbrains.annotations.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * Honours Slack's 429 answers for every call the app makes, whichever SDK client made it (the plain
 * {@code methods()} client, the rate-limited async one, response URLs): waits the {@code Retry-After} Slack
 * asks for and sends the call again. It sits in the HTTP client all of them share, so there is one place
 * for it. A wait longer than {@link #MAX_WAIT}, or a fourth 429 in a row, is handed back to the caller.
 */
final class SlackRetryAfter implements Interceptor {

    static final Duration MAX_WAIT = Duration.ofSeconds(60);
    static final int MAX_RETRIES = 3;
    private static final Logger LOG = LoggerFactory.getLogger(SlackRetryAfter.class);

    @NotNull
    @Override
    public Response intercept(@NotNull Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        for (int retry = 1; retry <= MAX_RETRIES && response.code() == 429; retry++) {
            Duration wait = retryAfter(response.header("Retry-After"));
            if (wait.compareTo(MAX_WAIT) > 0) {
                return response;
            }
            response.close();
            LOG.info("Slack rate-limited {}; trying again in {} s", chain.request().url().encodedPath(), wait.toSeconds());
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for Slack's Retry-After");
            }
            response = chain.proceed(chain.request());
        }
        return response;
    }

    /** Slack sends whole seconds; without a usable value, one second. */
    static Duration retryAfter(String header) {
        if (header != null) {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        return Duration.ofSeconds(1);
    }
}
