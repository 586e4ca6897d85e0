package com.oktoslack.slack;

import com.oktoslack.testing.AppTestBase;
import com.oktoslack.testing.FakeSlack;
import com.oktoslack.testing.SlackRequests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Routes only to channels Slack knows; message shortcuts without a message say so instead of failing. */
@MicronautTest(transactional = false)
class SmallerEdgesTest extends AppTestBase {

    static final String ADMIN = "U0ADMIN";

    @Inject
    ChannelRoutes routes;

    @BeforeEach
    void fresh() {
        slack.reset();
        routes.remove(ChannelRoutes.STORIES);
        slack.addUser(ADMIN, "admin@acme.example", "Ada Admin", "Europe/Berlin", true);
    }

    @Test
    void aRouteToAChannelSlackDoesNotKnowIsRefused() {
        String said = answer("route stories <#C0NOPE|nope>");

        assertTrue(said.contains("Slack knows no channel `C0NOPE`"), said);
        assertTrue(routes.storiesChannel().isEmpty());
        assertEquals("C0NOPE", slack.calls("conversations.info").get(0).param("channel"));
    }

    @Test
    void aRouteToAKnownChannelIsSet() {
        slack.addChannel("C0NEWS", "news");

        String said = answer("route stories <#C0NEWS|news>");

        assertTrue(said.contains("now goes to <#C0NEWS>"), said);
        assertEquals("C0NEWS", routes.storiesChannel().orElseThrow());
    }

    @Test
    void theScheduleShortcutWithoutAMessageTellsThePerson() {
        shortcutWithoutMessage("scheduling_message_shortcut", "schedule-none");

        FakeSlack.Call told = slack.await("response_url", c -> "schedule-none".equals(c.param("response_id")), Duration.ofSeconds(10));
        assertTrue(told.param("text").contains("Slack did not send me the message"), told.param("text"));
        assertTrue(slack.calls("views.open").isEmpty());
    }

    @Test
    void theSuggestShortcutWithoutAMessageTellsThePerson() {
        shortcutWithoutMessage("stories_suggest", "suggest-none");

        FakeSlack.Call told = slack.await("response_url", c -> "suggest-none".equals(c.param("response_id")), Duration.ofSeconds(10));
        assertTrue(told.param("text").contains("Slack did not send me the message"), told.param("text"));
        assertTrue(slack.calls("views.open").isEmpty());
    }

    @Test
    void aShortcutWhoseListenerFailsBeforeTheAckTellsThePerson() {
        slack.on("views.open", call -> java.util.List.of("not", "an", "answer"));

        HttpResponse<String> response = slackRequests().messageShortcut(ADMIN, "scheduling_message_shortcut", "C0GENERAL",
                "1700000000.000100", "Our launch", slack.responseUrl("shortcut-failed"));

        assertEquals(200, response.statusCode());
        FakeSlack.Call told = slack.await("response_url", c -> "shortcut-failed".equals(c.param("response_id")), Duration.ofSeconds(10));
        assertTrue(told.param("text").startsWith("Something went wrong on our side (reference "), told.param("text"));
    }

    private void shortcutWithoutMessage(String callbackId, String responseId) {
        Map<String, Object> payload = SlackRequests.base("message_action", ADMIN);
        payload.put("callback_id", callbackId);
        payload.put("channel", Map.of("id", "C0GENERAL", "name", "general"));
        payload.put("message_ts", "1700000000.000100");
        payload.put("response_url", slack.responseUrl(responseId));
        HttpResponse<String> response = slackRequests().interactive(payload);
        assertEquals(200, response.statusCode(), response.body());
    }

    private String answer(String command) {
        String id = "r" + System.nanoTime();
        slackRequests().slashCommand(ADMIN, command, slack.responseUrl(id));
        return slack.await("response_url", c -> id.equals(c.param("response_id")), Duration.ofSeconds(10)).param("text");
    }
}
