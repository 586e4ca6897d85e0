package com.oktoslack.stories;

import com.oktoslack.slack.ChannelRoutes;
import com.oktoslack.testing.FakeOktopost;
import com.oktoslack.testing.FakeSlack;
import com.oktoslack.testing.SlackRequests;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import javax.sql.DataSource;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A story accepted just before the app stopped is announced after the next start, once. */
class StoryAnnouncementRestartTest {

    @Test
    void aStoryAcceptedBeforeAStopIsAnnouncedOnceAfterTheRestart() {
        String database = "jdbc:sqlite:target/test-db/stories-restart-" + UUID.randomUUID() + ".db";
        try (FakeOktopost oktopost = FakeOktopost.start(); FakeSlack slack = FakeSlack.start()) {
            StoryWorld world = new StoryWorld(oktopost, slack);
            Map<String, Object> properties = new HashMap<>();
            properties.put("oktopost.base-url", oktopost.baseUrl());
            properties.put("slack.api-url", slack.apiUrl());
            properties.put("datasources.default.url", database);
            properties.put("oktopost.webhook-secrets", StoryRequestsClient.WEBHOOK_SECRET);
            properties.put("okto.stories.sweep-delay", "1h");

            Map<String, Object> stalled = new HashMap<>(properties);
            stalled.put("okto.webhooks.gather-for", "1h");
            stalled.put("okto.webhooks.poll-every", "1h");
            stalled.put("okto.webhooks.gather-at-most", "1h");
            try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, stalled, "test")) {
                first.getApplicationContext().getBean(ChannelRoutes.class)
                        .set(ChannelRoutes.STORIES, "C0STORIES", "New advocacy stories", "U0ADMIN");
                StoryRequestsClient client = new StoryRequestsClient(first.getURI(), new SlackRequests(first.getURI()));
                String event = StoryRequestsClient.storyEvent(world.storyId, world.boardId, 1_700_000_100);
                assertEquals(200, client.deliver(event).statusCode());
                assertTrue(slack.calls("chat.postMessage").isEmpty());
            }

            try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
                slack.await("chat.postMessage", c -> "C0STORIES".equals(c.param("channel")), Duration.ofSeconds(15));
                StoryRequestsClient client = new StoryRequestsClient(second.getURI(), new SlackRequests(second.getURI()));
                client.deliver(StoryRequestsClient.storyEvent(world.storyId, world.boardId, 1_700_000_101));
                InboxProbe.awaitSettled(second.getApplicationContext().getBean(DataSource.class));
                AnnouncementRepository announcements = second.getApplicationContext().getBean(AnnouncementRepository.class);
                assertEquals(Announcement.POSTED, announcements.findByStoryIdAndChannelId(world.storyId, "C0STORIES")
                        .orElseThrow().status());
                assertEquals(1, slack.calls("chat.postMessage").size());
            }
        }
    }
}
