package com.oktoslack.feedback;

import com.oktoslack.oktopost.OktopostException;
import com.oktoslack.slack.UserFacingException;
import com.oktoslack.slack.UserMessages;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Slack edge words Oktopost's failures through the service it finds, without knowing Oktopost. */
class UserMessagesTest {

    @Test
    void oktopostFailuresAreToldInOktopostsTermsThroughTheSlackEdge() {
        assertEquals("Oktopost said: Name is missing",
                UserMessages.describe(new OktopostException.Rejected(400, "Name is missing"), "ref"));
        assertEquals("Oktopost is pacing this account's API calls; please try again in 3 minutes.",
                UserMessages.describe(new CompletionException(new OktopostException.RateLimited(429, "slow", Duration.ofSeconds(150))), "ref"));
        assertEquals("Oktopost is not answering right now; please try again in a moment.",
                UserMessages.describe(new OktopostException.Unreachable("refused", null), "ref"));
    }

    @Test
    void ourOwnWordsAndUnknownFailuresAreToldAsBefore() {
        assertEquals("Pick a channel.", UserMessages.describe(new UserFacingException("Pick a channel."), "ref"));
        assertEquals("Something went wrong on our side (reference abc12345). Please try again.",
                UserMessages.describe(new IllegalStateException("boom"), "abc12345"));
    }
}
