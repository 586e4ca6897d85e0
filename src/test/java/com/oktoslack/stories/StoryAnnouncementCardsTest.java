package com.oktoslack.stories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.slack.ChannelRoutes;
import com.oktoslack.testing.AppTestBase;
import com.oktoslack.testing.FakeSlack;
import com.oktoslack.testing.MovableClock;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Posted story cards lose their Share button once the story expires or leaves the board, at little Oktopost cost. */
@MicronautTest(transactional = false)
class StoryAnnouncementCardsTest extends AppTestBase {

    private static final String CHANNEL = "C0STORIES";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MovableClock clock = new MovableClock();

    @Inject
    Oktopost facade;
    @Inject
    ChannelRoutes routes;
    @Inject
    AnnouncementRepository announcements;
    @Inject
    StoryAnnouncer announcer;

    StoryWorld world;
    Instant start;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("okto.stories.sweep-every", "1h", "okto.stories.recheck-every", "30m");
    }

    @BeforeEach
    void freshWorld() {
        start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.at(start);
        oktopost.clearData().clearRoutes().reset();
        facade.forgetCachedLists();
        slack.reset();
        announcements.deleteAll();
        routes.set(ChannelRoutes.STORIES, CHANNEL, "New advocacy stories", "U0ADMIN");
        world = new StoryWorld(oktopost, slack);
        // The fake dates a new story by the wall clock, which may be a second past this test's frozen one.
        world.story.put("PublishDate", StoryWorld.OKTOPOST_DATE.format(start.minus(Duration.ofMinutes(1))));
    }

    @Test
    void cardsOfExpiredStoriesLoseTheirShareButtonAfterOneOktopostCall() throws Exception {
        ObjectNode second = StoryWorld.story(oktopost, world.boardId, "Second story", Duration.ofMinutes(5), world.twitterMessageId);
        Instant expiry = start.plus(Duration.ofMinutes(10));
        expireAt(world.story, expiry);
        expireAt(second, expiry);
        announce(world.storyId, second.get("ID").asText());

        clock.at(start.plus(Duration.ofMinutes(15)));
        announcer.run();

        List<FakeSlack.Call> updates = slack.calls("chat.update");
        assertEquals(2, updates.size());
        assertEquals(1, oktopost.count("GET", "/story"), "both stories are read in one call");
        String token = "<!date^" + expiry.getEpochSecond() + "^{date_short} at {time}|";
        for (FakeSlack.Call update : updates) {
            assertEquals(CHANNEL, update.param("channel"));
            JsonNode blocks = JSON.readTree(update.param("blocks"));
            assertFalse(blocks.toString().contains(StoryCards.SHARE_ACTION), blocks.toString());
            assertTrue(blocks.at("/1/elements/0/text").asText().contains("This story expired on " + token), blocks.toString());
            assertTrue(update.param("text").startsWith("Expired advocacy story: "), update.param("text"));
        }
        Announcement card = card(world.storyId);
        assertEquals(Announcement.CLOSED, card.status());
        assertEquals(Announcement.EXPIRED, card.ended());
        String shown = slack.message(CHANNEL, card.messageTs()).blocks();
        assertTrue(shown.contains("Acme report 2026"), shown);
        assertFalse(shown.contains(StoryCards.SHARE_ACTION), shown);
    }

    @Test
    void aStoryWhoseExpiryWasExtendedKeepsItsButton() throws Exception {
        expireAt(world.story, start.plus(Duration.ofMinutes(10)));
        announce(world.storyId);
        Instant extended = start.plus(Duration.ofDays(10));
        expireAt(world.story, extended);

        clock.at(start.plus(Duration.ofMinutes(15)));
        announcer.run();
        announcer.run();

        assertTrue(slack.calls("chat.update").isEmpty());
        assertEquals(1, oktopost.count("GET", "/story"), "the new expiry is kept, not read again each sweep");
        Announcement card = card(world.storyId);
        assertEquals(Announcement.POSTED, card.status());
        assertEquals(extended, card.expiresAt());
    }

    @Test
    void aStoryDeletedInOktopostHasItsCardClosedOnTheRecheck() throws Exception {
        announce(world.storyId);
        oktopost.removeStory(world.storyId);

        clock.at(start.plus(Duration.ofMinutes(5)));
        announcer.run();
        assertTrue(slack.calls("chat.update").isEmpty());
        assertEquals(0, oktopost.count("GET", "/story"), "open cards are not read before the recheck is due");

        clock.at(start.plus(Duration.ofMinutes(31)));
        announcer.run();

        FakeSlack.Call update = slack.await("chat.update");
        String blocks = update.param("blocks");
        assertFalse(blocks.contains(StoryCards.SHARE_ACTION), blocks);
        assertTrue(blocks.contains("This story is no longer on the advocacy board"), blocks);
        assertTrue(blocks.contains("Acme report 2026"), "the stored title is shown: " + blocks);
        Announcement card = card(world.storyId);
        assertEquals(Announcement.CLOSED, card.status());
        assertEquals(Announcement.REMOVED, card.ended());
    }

    @Test
    void aCardIsClosedOnce() throws Exception {
        expireAt(world.story, start.plus(Duration.ofMinutes(10)));
        announce(world.storyId);

        clock.at(start.plus(Duration.ofMinutes(15)));
        announcer.run();
        clock.at(start.plus(Duration.ofHours(2)));
        announcer.run();
        announcer.run();

        assertEquals(1, slack.calls("chat.update").size());
        assertEquals(1, oktopost.count("GET", "/story"), "closed cards are not read again");
    }

    @Test
    void aFailedUpdateIsTriedAgainWithoutReadingOktopostAgain() throws Exception {
        expireAt(world.story, start.plus(Duration.ofMinutes(10)));
        announce(world.storyId);
        AtomicInteger tries = new AtomicInteger();
        slack.on("chat.update", call -> tries.incrementAndGet() == 1 ? Map.of("ok", false, "error", "internal_error")
                : Map.of("ok", true, "channel", call.param("channel"), "ts", call.param("ts")));

        clock.at(start.plus(Duration.ofMinutes(15)));
        announcer.run();
        assertEquals(Announcement.CLOSING, card(world.storyId).status());
        announcer.run();

        assertEquals(2, slack.calls("chat.update").size());
        assertEquals(1, oktopost.count("GET", "/story"));
        assertEquals(Announcement.CLOSED, card(world.storyId).status());
    }

    @Test
    void theRecheckReadsEachBoardsListNotEachStory() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String storyId = StoryWorld.story(oktopost, world.boardId, "Story " + i, Duration.ofDays(2), world.twitterMessageId)
                    .get("ID").asText();
            ids.add(storyId);
            announcements.insertIfAbsent(storyId, CHANNEL, world.boardId, start);
            announcements.markPosted(card(storyId).id(), "1700000000." + (100000 + i), "Story " + i, null, null, start);
        }
        oktopost.removeStory(ids.get(7));
        oktopost.reset();

        clock.at(start.plus(Duration.ofMinutes(31)));
        announcer.run();

        assertEquals(2, oktopost.count("GET", "/story"), "151 stories on the board: two list calls, none by id");
        assertEquals(1, slack.calls("chat.update").size());
        assertEquals(Announcement.CLOSED, card(ids.get(7)).status());
        assertEquals(Announcement.POSTED, card(ids.get(8)).status());
    }

    @Test
    void aCardSlackCannotUpdateIsClosedWithTheReason() throws Exception {
        expireAt(world.story, start.plus(Duration.ofMinutes(10)));
        announce(world.storyId);
        slack.on("chat.update", call -> Map.of("ok", false, "error", "message_not_found"));

        clock.at(start.plus(Duration.ofMinutes(15)));
        announcer.run();
        announcer.run();

        assertEquals(1, slack.calls("chat.update").size());
        Announcement card = card(world.storyId);
        assertEquals(Announcement.CLOSED, card.status());
        assertEquals("Slack: message_not_found", card.note());
    }

    private void announce(String... storyIds) throws Exception {
        announcer.enqueue(List.of(storyIds).stream().map(id -> new StoryRef(id, world.boardId)).toList());
        announcer.announceDue();
        // The engine's own run, nudged by the enqueue, may be the one posting: its posts are awaited.
        slack.awaitCount("chat.postMessage", storyIds.length, Duration.ofSeconds(20));
        assertEquals(storyIds.length, slack.calls("chat.postMessage").size());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        for (String storyId : storyIds) {
            while (!Announcement.POSTED.equals(card(storyId).status())) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("story " + storyId + " is " + card(storyId).status());
                }
                Thread.sleep(10);
            }
        }
        JsonNode blocks = JSON.readTree(slack.calls("chat.postMessage").get(0).param("blocks"));
        assertTrue(blocks.toString().contains(StoryCards.SHARE_ACTION), "posted with a Share button");
        oktopost.reset();
    }

    private Announcement card(String storyId) {
        return announcements.findByStoryIdAndChannelId(storyId, CHANNEL).orElseThrow();
    }

    private static void expireAt(ObjectNode story, Instant expiry) {
        story.put("ExpirationDate", StoryWorld.OKTOPOST_DATE.format(expiry));
    }
}
