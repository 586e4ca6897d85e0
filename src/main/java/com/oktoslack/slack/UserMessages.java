package com.oktoslack.slack;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.UUID;

/**
 * The one place that turns a failure into words for the person in Slack. Secrets never reach it. Failures of
 * other systems are worded by the {@link FailureWords} on the class path; a service loader rather than a bean,
 * because the Bolt middleware and the after-ack runner call this statically, before and outside any feature.
 */
public final class UserMessages {

    private static final List<FailureWords> WORDS = ServiceLoader.load(FailureWords.class, UserMessages.class.getClassLoader())
            .stream().map(ServiceLoader.Provider::get).toList();

    private UserMessages() {
    }

    /** The message for the user, and a reference to find the log line, where the cause is ours. */
    public static String describe(Throwable failure, String reference) {
        Throwable cause = unwrap(failure);
        if (cause instanceof UserFacingException) {
            return cause.getMessage();
        }
        for (FailureWords words : WORDS) {
            Optional<String> said = words.describe(cause);
            if (said.isPresent()) {
                return said.get();
            }
        }
        return "Something went wrong on our side (reference " + reference + "). Please try again.";
    }

    public static String newReference() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
