package com.oktoslack.stories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.testing.AppTestBase;
import com.oktoslack.testing.FakeSlack;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /okto stories}: every board's current stories, privately, each with a Share button. */
@MicronautTest(transactional = false)
class StoriesCommandTest extends AppTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Oktopost facade;

    StoryWorld world;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("okto.stories.sweep-every", "1h");
    }

    @BeforeEach
    void freshWorld() {
        oktopost.clearData().clearRoutes().reset();
        facade.forgetCachedLists();
        slack.reset();
        world = new StoryWorld(oktopost, slack);
    }

    @Test
    void listsTheCurrentStoriesOfEveryBoardWithShareButtons() throws Exception {
        String newer = StoryWorld.story(oktopost, world.boardId, "Newer story", Duration.ofMinutes(1), world.twitterMessageId)
                .get("ID").asText();
        world.story.put("PublishDate", StoryWorld.OKTOPOST_DATE.format(Instant.now().minus(Duration.ofDays(1))));
        StoryWorld.story(oktopost, world.boardId, "Expired story", Duration.ofDays(300), world.twitterMessageId)
                .put("ExpirationDate", StoryWorld.OKTOPOST_DATE.format(Instant.now().minus(Duration.ofDays(2))));
        StoryWorld.story(oktopost, world.boardId, "Draft story", Duration.ZERO, world.twitterMessageId).put("Status", "draft");
        StoryWorld.story(oktopost, world.boardId, "Future story", Duration.ofHours(-5), world.twitterMessageId);
        String partnersBoard = oktopost.addBoard("Partners").get("Id").asText();
        String partnerStory = StoryWorld.story(oktopost, partnersBoard, "Partner story", Duration.ofHours(2), world.twitterMessageId)
                .get("ID").asText();

        HttpResponse<String> ack = slackRequests().slashCommand(StoryWorld.ADA, "stories", slack.responseUrl("list"));

        assertEquals(200, ack.statusCode());
        FakeSlack.Call answer = slack.await("response_url", c -> "list".equals(c.param("response_id")), Duration.ofSeconds(10));
        assertEquals("ephemeral", answer.param("response_type"));
        assertEquals("Current advocacy stories: 3", answer.param("text"));
        JsonNode blocks = JSON.readTree(answer.param("blocks"));
        assertEquals(List.of("*Acme Advocates*: 2 current stories", "*Newer story*",
                        "*<https://acme.example/report|Acme report 2026>*\nWhat 500 marketers told us about &lt;social&gt; &amp; more.",
                        "*Partners*: 1 current story", "*Partner story*"),
                sectionTexts(blocks));
        assertEquals(List.of(new StoryRef(newer, world.boardId).toJson(), new StoryRef(world.storyId, world.boardId).toJson(),
                new StoryRef(partnerStory, partnersBoard).toJson()), shareValues(blocks));
        assertEquals(2, oktopost.count("GET", "/story"), "one list per board");
    }

    @Test
    void anAccountWithoutBoardsIsToldSo() {
        oktopost.clearData();
        facade.forgetCachedLists();

        slackRequests().slashCommand(StoryWorld.ADA, "stories", slack.responseUrl("none"));

        FakeSlack.Call answer = slack.await("response_url", c -> "none".equals(c.param("response_id")), Duration.ofSeconds(10));
        assertEquals("This Oktopost account has no active advocacy board.", answer.param("text"));
    }

    @Test
    void longListsStayWithinSlacksBlockLimit() throws Exception {
        for (int i = 0; i < 14; i++) {
            StoryWorld.story(oktopost, world.boardId, "Story " + i, Duration.ofMinutes(i + 1L), world.twitterMessageId);
        }

        slackRequests().slashCommand(StoryWorld.ADA, "stories", slack.responseUrl("long"));

        FakeSlack.Call answer = slack.await("response_url", c -> "long".equals(c.param("response_id")), Duration.ofSeconds(10));
        JsonNode blocks = JSON.readTree(answer.param("blocks"));
        assertTrue(blocks.size() <= 50, "Slack takes 50 blocks at most, got " + blocks.size());
        assertEquals(StoryCards.LIST_MAX_STORIES, shareValues(blocks).size());
        assertTrue(blocks.get(blocks.size() - 1).toString().contains("…and 5 more stories on the board."));
    }

    private static List<String> sectionTexts(JsonNode blocks) {
        List<String> texts = new ArrayList<>();
        blocks.forEach(b -> {
            if ("section".equals(b.path("type").asText())) {
                texts.add(b.at("/text/text").asText());
            }
        });
        return texts;
    }

    private static List<String> shareValues(JsonNode blocks) {
        List<String> values = new ArrayList<>();
        blocks.forEach(b -> b.path("elements").forEach(e -> {
            if (StoryCards.SHARE_ACTION.equals(e.path("action_id").asText())) {
                values.add(e.get("value").asText());
            }
        }));
        return values;
    }
}
