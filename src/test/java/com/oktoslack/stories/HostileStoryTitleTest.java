package com.oktoslack.stories;

import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.people.People;
import com.oktoslack.people.PersonLink;
import com.oktoslack.slack.ChannelRoutes;
import com.oktoslack.testing.AppTestBase;
import com.oktoslack.testing.FakeSlack;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A story whose title and description try to ping the channel and disguise a link: nothing the app posts
 * about it (the announcement's text and blocks, the {@code /okto stories} list) mentions anyone or links there.
 */
@MicronautTest(transactional = false)
class HostileStoryTitleTest extends AppTestBase {

    static final String CHANNEL = "C0STORIES";
    static final String HOSTILE = "<!channel> <https://evil.example|Click to approve> <!here> & <@U0BOSS>";

    @Inject
    Oktopost facade;
    @Inject
    ChannelRoutes routes;
    @Inject
    People people;
    @Inject
    AnnouncementRepository announcements;
    @Inject
    DataSource dataSource;

    StoryWorld world;
    StoryRequestsClient client;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("oktopost.webhook-secrets", StoryRequestsClient.WEBHOOK_SECRET,
                "okto.stories.sweep-every", "1h");
    }

    @BeforeEach
    void hostileWorld() {
        InboxProbe.awaitSettled(dataSource);
        oktopost.clearData().clearRoutes().reset();
        facade.forgetCachedLists();
        slack.reset();
        announcements.deleteAll();
        people.all().stream().map(PersonLink::slackUserId).forEach(people::unlink);
        routes.set(ChannelRoutes.STORIES, CHANNEL, "New advocacy stories", "U0ADMIN");
        world = new StoryWorld(oktopost, slack);
        world.story.put("Title", HOSTILE).put("Description", HOSTILE);
        client = new StoryRequestsClient(server.getURI(), slackRequests());
    }

    @Test
    void theAnnouncementMentionsNoOneInTextOrBlocks() {
        assertEquals(200, client.deliver(StoryRequestsClient.storyEvent(world.storyId, world.boardId, 1_700_000_001)).statusCode());

        FakeSlack.Call posted = slack.await("chat.postMessage", c -> CHANNEL.equals(c.param("channel")), Duration.ofSeconds(10));
        String text = posted.param("text");
        assertFalse(text.contains("<!"), text);
        assertFalse(text.contains("<http"), text);
        assertFalse(text.contains("<@"), text);
        assertTrue(text.contains("&lt;!channel&gt;"), text);
        assertFalse(posted.param("blocks").contains("<!channel"), posted.param("blocks"));
        assertFalse(posted.param("blocks").contains("<https://evil"), posted.param("blocks"));
        assertEquals(java.util.List.of(), slack.unescaped());
    }

    @Test
    void theStoriesListMentionsNoOne() throws Exception {
        people.link(StoryWorld.ADA);

        slackRequests().slashCommand(StoryWorld.ADA, "stories", slack.responseUrl("hostile-list"));

        FakeSlack.Call answer = slack.await("response_url", c -> "hostile-list".equals(c.param("response_id")), Duration.ofSeconds(10));
        assertTrue(answer.params().toString().contains("&lt;!channel&gt;"), answer.params().toString());
        assertEquals(java.util.List.of(), slack.unescaped());
    }
}
