package com.oktoslack.slack;

import com.oktoslack.testing.AppTestBase;
import com.oktoslack.testing.FakeSlack;
import com.slack.api.methods.AsyncMethodsClient;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Slack's 429 with {@code Retry-After}: every client the app uses waits that long and sends the call again. */
@MicronautTest(transactional = false)
class SlackRetryAfterTest extends AppTestBase {

    @Inject
    MethodsClient methods;
    @Inject
    AsyncMethodsClient async;
    @Inject
    Modals modals;

    @BeforeEach
    void fresh() {
        slack.reset();
    }

    @Test
    void theSyncClientWaitsRetryAfterAndTriesAgain() throws Exception {
        slack.rateLimit("chat.postMessage", 1, 1);

        var response = methods.chatPostMessage(r -> r.channel("C1").text("hello"));

        assertTrue(response.isOk(), response.getError());
        assertWaitedBetween(slack.calls("chat.postMessage"), Duration.ofSeconds(1));
    }

    @Test
    void theAsyncClientWaitsRetryAfterAndTriesAgain() throws Exception {
        slack.rateLimit("chat.update", 2, 1);
        var posted = methods.chatPostMessage(r -> r.channel("C1").text("hello"));

        var response = async.chatUpdate(r -> r.channel(posted.getChannel()).ts(posted.getTs()).text("hello again"))
                .get(1, TimeUnit.MINUTES);

        assertTrue(response.isOk(), response.getError());
        List<FakeSlack.Call> calls = slack.calls("chat.update");
        assertEquals(3, calls.size());
        assertWaitedBetween(calls.subList(1, 3), Duration.ofSeconds(1));
    }

    @Test
    void modalsHonourItToo() throws Exception {
        slack.rateLimit("views.open", 1, 1);

        var opened = modals.open("trigger-1", com.slack.api.model.view.View.builder().type("modal")
                .title(com.slack.api.model.view.Views.viewTitle(t -> t.type("plain_text").text("T"))).blocks(List.of()).build());

        assertTrue(opened.isPresent());
        assertEquals(2, slack.calls("views.open").size());
    }

    @Test
    void aWaitLongerThanAMinuteIsHandedBackInsteadOfBlocking() throws Exception {
        slack.rateLimit("chat.postMessage", 1, 3600);

        SlackApiException refused = assertThrows(SlackApiException.class,
                () -> methods.chatPostMessage(r -> r.channel("C1").text("hello")));

        assertEquals(429, refused.getResponse().code());
        assertEquals(1, slack.calls("chat.postMessage").size());
    }

    /** The second call came no sooner than Slack asked. */
    private static void assertWaitedBetween(List<FakeSlack.Call> calls, Duration retryAfter) {
        assertEquals(2, calls.size(), calls.toString());
        Duration waited = Duration.between(calls.get(0).at(), calls.get(1).at());
        assertTrue(waited.compareTo(retryAfter) >= 0, "retried after " + waited);
    }
}
