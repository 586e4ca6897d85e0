package com.oktoslack.jobs;

import java.time.Duration;

/**
 * How work that failed is tried again, for every kind of background work alike: up to {@code attempts} tries
 * in all, the second {@code first} after the first, each wait twice the one before, never more than
 * {@code max}. Once exhausted, the work stays visible as failed rather than vanishing.
 */
public record Retry(int attempts, Duration first, Duration max) {

    public Retry {
        if (attempts < 1 || first.isNegative() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("attempts >= 1 and 0 <= first <= max");
        }
    }

    /** Eight tries over about three quarters of an hour: outlasts a restart or a 15-minute Oktopost block. */
    public static Retry standard() {
        return new Retry(8, Duration.ofSeconds(10), Duration.ofMinutes(15));
    }

    /** A single try: work whose repetition could do harm, or that a person retries. */
    public static Retry once() {
        return new Retry(1, Duration.ZERO, Duration.ZERO);
    }

    /** The wait before the given try (2 for the first retry). */
    public Duration delayBefore(int attempt) {
        if (attempt <= 1) {
            return Duration.ZERO;
        }
        int doublings = Math.min(attempt - 2, 30);
        Duration delay = first.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    public boolean exhausted(int attemptsMade) {
        return attemptsMade >= attempts;
    }
}
