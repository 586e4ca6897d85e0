package com.oktoslack.slack;

import java.util.Optional;

/**
 * Words for a person about a failure that another system's code raised (Oktopost's, above all). The edge that
 * talks to Slack knows no other system, so the features' side provides these through {@link java.util.ServiceLoader}
 * (listed in {@code META-INF/services}), and {@link UserMessages} asks them.
 */
public interface FailureWords {

    /** What to tell the person, or empty when this failure is not one these words know. */
    Optional<String> describe(Throwable cause);
}
