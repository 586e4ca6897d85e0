package com.oktoslack.stories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oktoslack.oktopost.Story;
import com.oktoslack.oktopost.StoryMessage;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoryCardsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theAnnouncementCardMatchesTheGoldenFile() throws IOException {
        List<LayoutBlock> blocks = StoryCards.announcement(story("Acme report 2026", "What 500 marketers told us.",
                "https://acme.example/cover.png", "https://acme.example/report"), "Acme Advocates");

        JsonNode actual = JSON.readTree(GsonFactory.createSnakeCase().toJson(blocks));
        assertEquals(golden("announcement.json"), actual);
    }

    @Test
    void aLongDescriptionIsCutToTheSectionLimitWithAnEllipsis() throws IOException {
        String description = "Tom & Jerry <3 ".repeat(400);
        List<LayoutBlock> blocks = StoryCards.story(story("Long", description, null, null), StoryCards.SECTION_TEXT_LIMIT);

        JsonNode section = JSON.readTree(GsonFactory.createSnakeCase().toJson(blocks.get(0)));
        String text = section.at("/text/text").asText();
        assertTrue(text.length() <= StoryCards.SECTION_TEXT_LIMIT, "length " + text.length());
        assertTrue(text.endsWith("…"), text.substring(text.length() - 20));
        assertFalse(text.contains("<3"), "escaped for mrkdwn");
        assertFalse(section.has("accessory"), "no image, no accessory");
    }

    @Test
    void aTitleCannotBreakOutOfItsLink() throws IOException {
        List<LayoutBlock> blocks = StoryCards.story(story("A|B> <!channel>", "", null, "https://acme.example/a?b=1"), 300);

        String text = JSON.readTree(GsonFactory.createSnakeCase().toJson(blocks.get(0))).at("/text/text").asText();
        assertEquals("*<https://acme.example/a?b=1|A¦B&gt; &lt;!channel&gt;>*", text);
    }

    @Test
    void cuttingNeverSplitsAnEmoji() {
        String text = "ab\uD83C\uDF85cd";
        assertEquals("ab…", SlackText.cut(text, 4));
        assertEquals("ab\uD83C\uDF85…", SlackText.cut(text, 5));
    }

    @Test
    void slackMarkupIsReadAsPlainText() {
        String message = "See <https://acme.example/x|our post> and <https://acme.example/y>, <@U1|ada>, <#C1|general> &amp; <!here>";

        assertEquals("See our post (https://acme.example/x) and https://acme.example/y, @ada, #general & @here", SlackText.plain(message));
        assertEquals("See our post and https://acme.example/y, @ada, #general & @here", SlackText.plain(message, false));
        assertEquals("https://acme.example/x", SlackText.firstUrl(message).orElseThrow());
    }

    static Story story(String title, String description, String image, String link) {
        return new Story("0AS000000000001", "brd000000000001", "002000000000001", title, description, "published", "text",
                image, link, null, null, "2026-01-01 10:00:00", "2099-06-14 02:59:59", null, null, null, false,
                List.of(new StoryMessage("005000000000001", "LinkedIn", "Read it", "text", null, null, null, null)),
                List.of("Research", "Marketing"), List.of());
    }

    private static JsonNode golden(String name) throws IOException {
        try (InputStream in = StoryCardsTest.class.getResourceAsStream("/stories/" + name)) {
            return JSON.readTree(in);
        }
    }
}
