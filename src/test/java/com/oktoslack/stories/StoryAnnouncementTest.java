package com.oktoslack.stories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.people.People;
import com.oktoslack.people.PersonLink;
import com.oktoslack.slack.ChannelRoutes;
import com.oktoslack.testing.AppTestBase;
import com.oktoslack.testing.FakeOktopost;
import com.oktoslack.testing.FakeSlack;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** newAdvocacyStory webhooks become one announcement per story in the routed channel. */
@MicronautTest(transactional = false)
class StoryAnnouncementTest extends AppTestBase {

    static final String CHANNEL = "C0STORIES";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Oktopost facade;
    @Inject
    ChannelRoutes routes;
    @Inject
    People people;
    @Inject
    AnnouncementRepository announcements;
    @Inject
    StoryAnnouncer announcer;
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
    void freshWorld() {
        awaitInboxSettled();
        oktopost.clearData().clearRoutes().reset();
        facade.forgetCachedLists();
        slack.reset();
        announcements.deleteAll();
        people.all().stream().map(PersonLink::slackUserId).forEach(people::unlink);
        routes.set(ChannelRoutes.STORIES, CHANNEL, "New advocacy stories", "U0ADMIN");
        world = new StoryWorld(oktopost, slack);
        client = new StoryRequestsClient(server.getURI(), slackRequests());
    }

    @Test
    void aNewStoryIsAnnouncedOnceInTheStoriesChannel() throws Exception {
        assertEquals(200, client.deliver(StoryRequestsClient.storyEvent(world.storyId, world.boardId, 1_700_000_001)).statusCode());

        FakeSlack.Call posted = slack.await("chat.postMessage", c -> CHANNEL.equals(c.param("channel")), Duration.ofSeconds(10));
        assertEquals("New advocacy story: Acme report 2026", posted.param("text"));
        assertEquals(List.of("GET /story/" + world.storyId), storyReads(), "one story is read by id");

        // Oktopost sends the story again (another delivery, so the inbox takes it): it is not announced twice.
        client.deliver(StoryRequestsClient.storyEvent(world.storyId, world.boardId, 1_700_000_002));
        awaitInboxSettled();
        assertEquals(1, slack.calls("chat.postMessage").size());
        Announcement row = announcements.findByStoryIdAndChannelId(world.storyId, CHANNEL).orElseThrow();
        assertEquals(Announcement.POSTED, row.status());
        assertEquals(slack.messages().values().iterator().next().ts(), row.messageTs());
    }

    @Test
    void theAnnouncementShowsTheStoryAndAShareButton() throws Exception {
        client.deliver(StoryRequestsClient.storyEvent(world.storyId, world.boardId, 1_700_000_003));

        FakeSlack.Call posted = slack.await("chat.postMessage", c -> CHANNEL.equals(c.param("channel")), Duration.ofSeconds(10));
        JsonNode blocks = JSON.readTree(posted.param("blocks"));
        assertTrue(blocks.get(0).toString().contains("New story on *Acme Advocates*"), blocks.get(0).toString());
        JsonNode section = blocks.get(1);
        assertEquals("*<https://acme.example/report|Acme report 2026>*\nWhat 500 marketers told us about &lt;social&gt; &amp; more.",
                section.at("/text/text").asText());
        assertEquals("https://acme.example/cover.png", section.at("/accessory/image_url").asText());
        String facts = blocks.get(2).toString();
        assertTrue(facts.contains(":label: Research, Marketing"), facts);
        long expiry = Instant.parse("2099-06-14T02:59:59Z").getEpochSecond();
        assertTrue(facts.contains("Expires <!date^" + expiry + "^{date_short_pretty} at {time}|2099-06-14 02:59 UTC>"), facts);
        JsonNode button = blocks.get(3).at("/elements/0");
        assertEquals(StoryCards.SHARE_ACTION, button.get("action_id").asText());
        assertEquals("{\"s\":\"" + world.storyId + "\",\"b\":\"" + world.boardId + "\"}", button.get("value").asText());
        JsonNode metadata = JSON.readTree(posted.param("metadata"));
        assertEquals(StoryAnnouncer.METADATA_EVENT, metadata.get("event_type").asText());
        assertEquals(world.storyId, metadata.at("/event_payload/story_id").asText());
    }

    @Test
    void aBurstIsReadWithOneListPerBoardAndAnnouncedOldestFirst() throws Exception {
        String second = StoryWorld.story(oktopost, world.boardId, "Second story", Duration.ofMinutes(5), world.twitterMessageId)
                .get("ID").asText();
        String third = StoryWorld.story(oktopost, world.boardId, "Third story", Duration.ofMinutes(1), world.twitterMessageId)
                .get("ID").asText();
        world.story.put("PublishDate", StoryWorld.OKTOPOST_DATE.format(Instant.now().minus(Duration.ofMinutes(10))));
        String burst = "[" + StoryRequestsClient.storyEvent(third, world.boardId, 1_700_000_010) + ","
                + StoryRequestsClient.storyEvent(world.storyId, world.boardId, 1_700_000_011) + ","
                + StoryRequestsClient.storyEvent(second, world.boardId, 1_700_000_012) + "]";

        assertTrue(client.deliver(burst).body().contains("\"accepted\":3"));

        List<FakeSlack.Call> posts = slack.awaitCount("chat.postMessage", 3, Duration.ofSeconds(10));
        assertEquals(List.of("New advocacy story: Acme report 2026", "New advocacy story: Second story",
                "New advocacy story: Third story"), posts.stream().map(c -> c.param("text")).toList());
        assertEquals(List.of("GET /story"), storyReads(), "one list call for the board, no call per story");
        assertEquals(world.boardId, oktopost.last("GET", "/story").param("boardId"));
    }

    @Test
    void withoutAStoriesRouteNothingIsAnnouncedButTheEventIsSettled() {
        routes.remove(ChannelRoutes.STORIES);

        client.deliver(StoryRequestsClient.storyEvent(world.storyId, world.boardId, 1_700_000_020));
        awaitInboxSettled();

        assertTrue(slack.calls("chat.postMessage").isEmpty());
        assertEquals(0, announcements.count());
        assertEquals(0, oktopost.count("GET", "/story"), "nothing is read from Oktopost for nobody");
    }

    @Test
    void expiredDraftAndDeletedStoriesAreNotAnnounced() throws Exception {
        String expired = StoryWorld.story(oktopost, world.boardId, "Old news", Duration.ofDays(200), world.twitterMessageId)
                .put("ExpirationDate", StoryWorld.OKTOPOST_DATE.format(Instant.now().minus(Duration.ofDays(1)))).get("ID").asText();
        String draft = StoryWorld.story(oktopost, world.boardId, "Not yet", Duration.ZERO, world.twitterMessageId)
                .put("Status", "rejected").get("ID").asText();
        String burst = "[" + StoryRequestsClient.storyEvent(expired, world.boardId, 1_700_000_030) + ","
                + StoryRequestsClient.storyEvent(draft, world.boardId, 1_700_000_031) + ","
                + StoryRequestsClient.storyEvent("0AS0000000gone", world.boardId, 1_700_000_032) + ","
                + StoryRequestsClient.storyEvent(world.storyId, world.boardId, 1_700_000_033) + "]";

        client.deliver(burst);
        slack.await("chat.postMessage", c -> c.param("text").contains("Acme report 2026"), Duration.ofSeconds(10));
        awaitInboxSettled();

        assertEquals(1, slack.calls("chat.postMessage").size());
        assertEquals(Announcement.SKIPPED, announcements.findByStoryIdAndChannelId(expired, CHANNEL).orElseThrow().status());
        assertEquals("status rejected", announcements.findByStoryIdAndChannelId(draft, CHANNEL).orElseThrow().note());
        assertEquals("not found in Oktopost", announcements.findByStoryIdAndChannelId("0AS0000000gone", CHANNEL).orElseThrow().note());
    }

    @Test
    void aStoryPublishedLaterIsAnnouncedWhenItsDateComes() throws Exception {
        Instant publish = Instant.now().plus(Duration.ofHours(3));
        world.story.put("PublishDate", StoryWorld.OKTOPOST_DATE.format(publish));

        client.deliver(StoryRequestsClient.storyEvent(world.storyId, world.boardId, 1_700_000_040));
        awaitInboxSettled();
        Announcement waiting = announcements.findByStoryIdAndChannelId(world.storyId, CHANNEL).orElseThrow();
        assertEquals(Announcement.DUE, waiting.status());
        assertEquals(publish.getEpochSecond(), waiting.dueAt().getEpochSecond());
        assertTrue(slack.calls("chat.postMessage").isEmpty());

        world.story.put("PublishDate", StoryWorld.OKTOPOST_DATE.format(Instant.now().minusSeconds(5)));
        announcements.markDue(waiting.id(), Instant.now().minusSeconds(1), null);
        announcer.run();

        assertEquals(1, slack.calls("chat.postMessage").size());
    }

    @Test
    void anInterruptedPostFoundInTheChannelIsNotPostedAgain() throws Exception {
        Announcement row = interruptedPost();
        slack.on("conversations.history", call -> Map.of("ok", true, "messages", List.of(Map.of(
                "type", "message", "ts", "1700000000.000777", "text", "New advocacy story: Acme report 2026",
                "metadata", Map.of("event_type", StoryAnnouncer.METADATA_EVENT, "event_payload", Map.of("story_id", world.storyId))))));

        announcer.announceDue();

        assertTrue(slack.calls("chat.postMessage").isEmpty());
        FakeSlack.Call history = slack.calls("conversations.history").get(0);
        assertEquals(CHANNEL, history.param("channel"));
        assertEquals("1", history.param("include_all_metadata"));
        Announcement resolved = announcements.findById(row.id()).orElseThrow();
        assertEquals(Announcement.POSTED, resolved.status());
        assertEquals("1700000000.000777", resolved.messageTs());
    }

    @Test
    void anInterruptedPostMissingFromTheChannelIsPostedOnce() throws Exception {
        Announcement row = interruptedPost();
        slack.on("conversations.history", call -> Map.of("ok", true, "messages", List.of()));

        announcer.announceDue();
        announcer.announceDue();

        assertEquals(1, slack.calls("chat.postMessage").size());
        assertEquals(Announcement.POSTED, announcements.findById(row.id()).orElseThrow().status());
    }

    @Test
    void slackRefusingTheChannelSkipsTheStoryWithTheReason() throws Exception {
        slack.on("chat.postMessage", call -> Map.of("ok", false, "error", "channel_not_found"));

        client.deliver(StoryRequestsClient.storyEvent(world.storyId, world.boardId, 1_700_000_050));
        awaitInboxSettled();

        Announcement row = announcements.findByStoryIdAndChannelId(world.storyId, CHANNEL).orElseThrow();
        assertEquals(Announcement.SKIPPED, row.status());
        assertEquals("Slack: channel_not_found", row.note());
    }

    private Announcement interruptedPost() {
        announcer.enqueue(List.of(new StoryRef(world.storyId, world.boardId)));
        Announcement row = announcements.findByStoryIdAndChannelId(world.storyId, CHANNEL).orElseThrow();
        // Claimed by a run that stopped: longer ago than any post is waited for.
        assertEquals(1, announcements.claim(row.id(), Instant.now().minus(StoryAnnouncer.INTERRUPTED_AFTER).minusSeconds(30)));
        return row;
    }

    private List<String> storyReads() {
        return oktopost.requests().stream().filter(r -> r.method().equals("GET") && r.path().startsWith("/story"))
                .map(r -> r.method() + " " + r.path()).toList();
    }

    void awaitInboxSettled() {
        InboxProbe.awaitSettled(dataSource);
    }

    static FakeOktopost.RecordedRequest only(List<FakeOktopost.RecordedRequest> requests) {
        assertEquals(1, requests.size(), requests.toString());
        return requests.get(0);
    }
}
