package com.oktoslack.oktopost;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The account's API limits (defaults are Oktopost's documented ones) and how long a caller may be held
 * back to stay inside them before getting {@link OktopostException.RateLimited} instead.
 */
@ConfigurationProperties("oktopost.limits")
record OktopostLimits(@Bindable(defaultValue = "60") int perMinute,
                      @Bindable(defaultValue = "120") int perFiveSeconds,
                      @Bindable(defaultValue = "20000") int perDay,
                      @Bindable(defaultValue = "15m") Duration blockAfterBreach,
                      @Bindable(defaultValue = "30s") Duration maxWait) {

    static final Duration MINUTE = Duration.ofMinutes(1);
    static final Duration FIVE_SECONDS = Duration.ofSeconds(5);

    OktopostLimits {
        if (perMinute < 1 || perFiveSeconds < 1 || perDay < 1) {
            throw new IllegalArgumentException("oktopost.limits.* must allow at least one call");
        }
    }

    static OktopostLimits documented() {
        return new OktopostLimits(60, 120, 20_000, Duration.ofMinutes(15), Duration.ofSeconds(30));
    }
}
