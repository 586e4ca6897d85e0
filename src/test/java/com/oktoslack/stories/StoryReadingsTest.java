package com.oktoslack.stories;

import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.slack.ChannelRoutes;
import com.oktoslack.testing.AppTestBase;
import com.oktoslack.testing.FakeSlack;
import com.oktoslack.testing.WebhookDeliveries;
import com.oktoslack.testing.WebhookDeliveries.Reading;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** newAdvocacyStory in each reading, the story flat (its own ID) or nested beside its board, is announced once. */
@MicronautTest(transactional = false)
class StoryReadingsTest extends AppTestBase {

    @Inject
    Oktopost facade;
    @Inject
    ChannelRoutes routes;
    @Inject
    AnnouncementRepository announcements;
    @Inject
    DataSource dataSource;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("oktopost.webhook-secrets", StoryRequestsClient.WEBHOOK_SECRET,
                "okto.stories.sweep-every", "1h");
    }

    @TestFactory
    Stream<DynamicTest> eachReading() {
        return Reading.all().stream().map(reading -> DynamicTest.dynamicTest(reading.toString(), () -> announced(reading)));
    }

    private void announced(Reading reading) {
        InboxProbe.awaitSettled(dataSource);
        oktopost.clearData().clearRoutes().reset();
        facade.forgetCachedLists();
        slack.reset();
        announcements.deleteAll();
        routes.set(ChannelRoutes.STORIES, StoryAnnouncementTest.CHANNEL, "New advocacy stories", "U0ADMIN");
        StoryWorld world = new StoryWorld(oktopost, slack);
        WebhookDeliveries deliveries = new WebhookDeliveries(server.getURI(), oktopost, StoryRequestsClient.WEBHOOK_SECRET, reading);

        assertEquals(200, deliveries.send(NewStoryWebhook.EVENT, deliveries.storyObject(world.storyId, world.boardId)).statusCode());

        FakeSlack.Call posted = slack.await("chat.postMessage",
                c -> StoryAnnouncementTest.CHANNEL.equals(c.param("channel")), Duration.ofSeconds(10));
        assertEquals("New advocacy story: Acme report 2026", posted.param("text"));
        InboxProbe.awaitSettled(dataSource);
        assertEquals(Announcement.POSTED, announcements.findByStoryIdAndChannelId(world.storyId, StoryAnnouncementTest.CHANNEL)
                .orElseThrow().status());
    }
}
