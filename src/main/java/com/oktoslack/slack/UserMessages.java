package com.oktoslack.slack;

import com.oktoslack.oktopost.OktopostException;

import java.time.Duration;
import java.util.UUID;

/** The one place that turns a failure into words for the person in Slack. Secrets never reach it. */
public final class UserMessages {

    private UserMessages() {
    }

    /** The message for the user, and a reference to find the log line, where the cause is ours. */
    public static String describe(Throwable failure, String reference) {
        Throwable cause = unwrap(failure);
        if (cause instanceof UserFacingException) {
            return cause.getMessage();
        }
        if (cause instanceof OktopostException.RateLimited limited) {
            return "Oktopost is pacing this account's API calls; please try again in " + roughly(limited.retryAfter()) + ".";
        }
        if (cause instanceof OktopostException.Unauthorized) {
            return "Oktopost rejected this app's credentials. Ask whoever runs okto-slack to check its Oktopost API key.";
        }
        if (cause instanceof OktopostException.Forbidden forbidden) {
            return "Oktopost does not allow that for this app's API user: " + Mrkdwn.escape(forbidden.getMessage());
        }
        if (cause instanceof OktopostException.NotFound) {
            return "Oktopost could not find that item; it may have been removed.";
        }
        if (cause instanceof OktopostException.Rejected rejected) {
            return "Oktopost said: " + Mrkdwn.escape(rejected.getMessage());
        }
        if (cause instanceof OktopostException) {
            return "Oktopost is not answering right now; please try again in a moment.";
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

    private static String roughly(Duration wait) {
        if (wait == null || wait.toSeconds() < 60) {
            return "a minute";
        }
        long minutes = (wait.toSeconds() + 59) / 60;
        return minutes + " minutes";
    }
}
