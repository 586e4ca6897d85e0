package com.oktoslack.oktopost;

import java.time.Duration;

/**
 * Every way an Oktopost call can fail, told apart so callers can react: a rejected request carries
 * Oktopost's own message, a rate limit carries how long to wait.
 */
public abstract sealed class OktopostException extends RuntimeException {

    private final int status;

    OktopostException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /**
     * The HTTP status Oktopost answered with; 200 when the answer came but lacked what it should carry; 0 when no
     * usable answer came (none at all, an unreadable one) or when this app's own rate budget refused the call.
     */
    public int status() {
        return status;
    }

    /** {@code Result:false} or a 400: Oktopost's message says what was wrong with the request. */
    public static final class Rejected extends OktopostException {
        public Rejected(int status, String message) {
            super(status, message, null);
        }
    }

    /** 401: the account id or API key is wrong. */
    public static final class Unauthorized extends OktopostException {
        public Unauthorized(String message) {
            super(401, message, null);
        }
    }

    /** 403: the API user may not do this. */
    public static final class Forbidden extends OktopostException {
        public Forbidden(String message) {
            super(403, message, null);
        }
    }

    /** 404: the item does not exist or the API user cannot see it. */
    public static final class NotFound extends OktopostException {
        public NotFound(String message) {
            super(404, message, null);
        }
    }

    /** 429 from Oktopost, or our own budget refusing a call that would exceed the account's limits. */
    public static final class RateLimited extends OktopostException {
        private final Duration retryAfter;

        public RateLimited(int status, String message, Duration retryAfter) {
            super(status, message, null);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /**
     * Something broke on Oktopost's side: a 5xx, a status that is neither success nor a client error, or an answer
     * without the body or data it should have, or one that could not be read. Calls marked {@link Idempotent}
     * are retried first; calls that create things are not, so this reaches their callers at once.
     */
    public static final class ServerError extends OktopostException {
        public ServerError(int status, String message) {
            super(status, message, null);
        }
    }

    /** No answer: connection refused, reset or timed out. */
    public static final class Unreachable extends OktopostException {
        public Unreachable(String message, Throwable cause) {
            super(0, message, cause);
        }
    }
}
