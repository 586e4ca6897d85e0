package com.oktoslack.feedback;

import com.oktoslack.oktopost.OktopostException;
import com.oktoslack.slack.FailureWords;
import com.oktoslack.slack.Mrkdwn;

import java.time.Duration;
import java.util.Optional;

/**
 * What a person in Slack is told when an Oktopost call failed. It sits above both edges, so that the Slack edge
 * knows no Oktopost exception; the Slack edge finds it as a {@link FailureWords} service.
 */
public final class OktopostFailureWords implements FailureWords {

    private static final String NOT_ANSWERING = "Oktopost is not answering right now; please try again in a moment.";

    @Override
    public Optional<String> describe(Throwable cause) {
        if (cause instanceof OktopostException.RateLimited limited) {
            return Optional.of("Oktopost is pacing this account's API calls; please try again in " + roughly(limited.retryAfter()) + ".");
        }
        if (cause instanceof OktopostException.Unauthorized) {
            return Optional.of("Oktopost rejected this app's credentials. Ask whoever runs okto-slack to check its Oktopost API key.");
        }
        if (cause instanceof OktopostException.Forbidden forbidden) {
            return Optional.of("Oktopost does not allow that for this app's API user: " + Mrkdwn.escape(forbidden.getMessage()));
        }
        if (cause instanceof OktopostException.NotFound) {
            return Optional.of("Oktopost could not find that item; it may have been removed.");
        }
        if (cause instanceof OktopostException.Rejected rejected) {
            return Optional.of("Oktopost said: " + Mrkdwn.escape(rejected.getMessage()));
        }
        if (cause instanceof OktopostException) {
            return Optional.of(NOT_ANSWERING);
        }
        return Optional.empty();
    }

    private static String roughly(Duration wait) {
        if (wait == null || wait.toSeconds() < 60) {
            return "a minute";
        }
        long minutes = (wait.toSeconds() + 59) / 60;
        return minutes + " minutes";
    }
}
