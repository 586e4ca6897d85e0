package com.oktoslack.stories;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oktoslack.slack.ChannelRoutes;
import com.oktoslack.testing.AppTestBase;
import com.oktoslack.testing.FakeSlack;
import com.oktoslack.testing.WebhookDeliveries;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A newAdvocacyStory delivery that failed (Oktopost's webhook log says so) is announced once all the same. */
@MicronautTest(transactional = false)
class StoryMissedDeliveryTest extends AppTestBase {

    @Inject
    ChannelRoutes routes;
    @Inject
    DataSource dataSource;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("oktopost.webhook-secrets", StoryRequestsClient.WEBHOOK_SECRET,
                "okto.stories.sweep-every", "1h",
                "okto.webhooks.catch-up-delay", "1s", "okto.webhooks.catch-up-every", "1s");
    }

    @Test
    void aStoryWhoseDeliveryFailedIsAnnouncedOnceFromTheWebhookLog() {
        routes.set(ChannelRoutes.STORIES, StoryAnnouncementTest.CHANNEL, "New advocacy stories", "U0ADMIN");
        StoryWorld world = new StoryWorld(oktopost, slack);
        ObjectNode webhook = oktopost.addWebhook(NewStoryWebhook.EVENT, "https://okto.example.com/oktopost/webhooks/");
        WebhookDeliveries nested = new WebhookDeliveries(server.getURI(), oktopost, StoryRequestsClient.WEBHOOK_SECRET,
                new WebhookDeliveries.Reading(WebhookDeliveries.Header.SECRET, WebhookDeliveries.Body.ARRAY,
                        WebhookDeliveries.Objects.NESTED));
        ObjectNode story = nested.storyObject(world.storyId, world.boardId);

        oktopost.webhookLog().record(webhook.get("Id").asText(), "0WB000000000042", 0,
                story.arrayNode().add(story));
        oktopost.webhookLog().record(webhook.get("Id").asText(), "0WB000000000042", 502,
                story.arrayNode().add(story));

        FakeSlack.Call posted = slack.await("chat.postMessage",
                c -> StoryAnnouncementTest.CHANNEL.equals(c.param("channel")), Duration.ofSeconds(10));
        assertEquals("New advocacy story: Acme report 2026", posted.param("text"));
        int reads = oktopost.count("GET", "/webhook-log");
        until(() -> oktopost.count("GET", "/webhook-log") >= reads + 2);
        InboxProbe.awaitSettled(dataSource);
        assertEquals(1, slack.calls("chat.postMessage").size(), "announced once");
    }

    private static void until(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within 10 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
