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
import java.time.Instant;
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
    void anEndedCardSaysWhyAndOffersNoShareButton() throws IOException {
        Instant expiry = Instant.parse("2026-02-01T09:30:00Z");
        Announcement expired = ended("Acme report 2026", "https://acme.example/report", expiry, Announcement.EXPIRED);
        Announcement removed = ended(null, null, expiry, Announcement.REMOVED);

        JsonNode expiredCard = JSON.readTree(GsonFactory.createSnakeCase().toJson(StoryCards.ended(expired)));
        assertEquals(2, expiredCard.size(), expiredCard.toString());
        assertEquals("*<https://acme.example/report|Acme report 2026>*", expiredCard.at("/0/text/text").asText());
        assertEquals(":hourglass: This story expired on <!date^" + expiry.getEpochSecond()
                + "^{date_short} at {time}|2026-02-01 09:30 UTC> and can no longer be shared.",
                expiredCard.at("/1/elements/0/text").asText());
        assertEquals("Expired advocacy story: Acme report 2026", StoryCards.endedText(expired));

        JsonNode removedCard = JSON.readTree(GsonFactory.createSnakeCase().toJson(StoryCards.ended(removed)));
        assertFalse(removedCard.toString().contains(StoryCards.SHARE_ACTION));
        assertEquals("*Advocacy story*", removedCard.at("/0/text/text").asText());
        assertTrue(removedCard.at("/1/elements/0/text").asText().contains("no longer on the advocacy board"));
        assertEquals("Advocacy story no longer on the board: Advocacy story", StoryCards.endedText(removed));
    }

    static Story story(String title, String description, String image, String link) {
        return new Story("0AS000000000001", "brd000000000001", "002000000000001", title, description, "published", "text",
                image, link, null, null, "2026-01-01 10:00:00", "2099-06-14 02:59:59", null, null, null, false,
                List.of(new StoryMessage("005000000000001", "LinkedIn", "Read it", "text", null, null, null, null)),
                List.of("Research", "Marketing"), List.of());
    }

    private static Announcement ended(String title, String link, Instant expiry, String why) {
        Instant posted = expiry.minusSeconds(86_400);
        return new Announcement(1L, "0AS000000000001", "C0STORIES", "brd000000000001", Announcement.CLOSING, posted, posted,
                "1700000000.000100", null, posted, title, link, expiry, posted, why, 1);
    }

    private static JsonNode golden(String name) throws IOException {
        try (InputStream in = StoryCardsTest.class.getResourceAsStream("/stories/" + name)) {
            return JSON.readTree(in);
        }
    }
}
