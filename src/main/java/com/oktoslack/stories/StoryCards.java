package com.oktoslack.stories;

import com.oktoslack.oktopost.Story;
import com.oktoslack.slack.BlockKitLimits;
import com.oktoslack.slack.Mrkdwn;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.ContextBlockElement;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.util.StringUtils;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.image;

/**
 * Story cards in messages: the channel announcement and the {@code /okto stories} list, both with a Share button,
 * and the announcement once its story has ended, without one.
 */
final class StoryCards {

    static final String SHARE_ACTION = "stories_share";

    /** Block Kit's limit for a section's text. */
    static final int SECTION_TEXT_LIMIT = BlockKitLimits.SECTION_TEXT;
    static final int TITLE_LIMIT = 200;
    /** Descriptions in the list stay short so that ten stories remain readable. */
    static final int LIST_DESCRIPTION_LIMIT = 300;
    /** Stories shown by {@code /okto stories}, within the {@link BlockKitLimits#MESSAGE_BLOCKS} blocks a message may have. */
    static final int LIST_MAX_STORIES = 10;

    /** One board's current stories, newest first. */
    record BoardStories(String boardId, String boardName, List<Story> stories) {
    }

    private StoryCards() {
    }

    static List<LayoutBlock> announcement(Story story, @Nullable String boardName) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String where = boardName == null ? "the advocacy board" : "*" + Mrkdwn.escape(boardName) + "*";
        blocks.add(context(List.of(markdownText(":mega: New story on " + where))));
        blocks.addAll(story(story, SECTION_TEXT_LIMIT));
        return blocks;
    }

    static String announcementText(Story story) {
        return "New advocacy story: " + Mrkdwn.escape(Mrkdwn.cut(StoryContent.title(story), TITLE_LIMIT));
    }

    /**
     * The announcement of a story that has ended, drawn from what was stored of it (a deleted story cannot be
     * read any more): its title and why it can no longer be shared.
     */
    static List<LayoutBlock> ended(Announcement card) {
        String blockId = "story:" + card.storyId();
        String title = Mrkdwn.cut(endedTitle(card), TITLE_LIMIT);
        String heading = heading(title, Mrkdwn.isWebUrl(card.linkUrl()) ? card.linkUrl() : null);
        String why = expiredOn(card) ? ":hourglass: This story expired on " + Mrkdwn.date(card.expiresAt(), "{date_short} at {time}")
                + " and can no longer be shared."
                : ":no_entry_sign: This story is no longer on the advocacy board and can no longer be shared.";
        return List.of(
                section(s -> s.blockId(blockId + ":text").text(markdownText(heading))),
                context(c -> c.blockId(blockId + ":ended").elements(List.of(markdownText(why)))));
    }

    static String endedText(Announcement card) {
        String title = Mrkdwn.escape(Mrkdwn.cut(endedTitle(card), TITLE_LIMIT));
        return expiredOn(card) ? "Expired advocacy story: " + title : "Advocacy story no longer on the board: " + title;
    }

    private static boolean expiredOn(Announcement card) {
        return Announcement.EXPIRED.equals(card.ended()) && card.expiresAt() != null;
    }

    /** Cards posted before titles were stored have none until their story is read again. */
    private static String endedTitle(Announcement card) {
        return StringUtils.hasText(card.title()) ? card.title().strip() : "Advocacy story";
    }

    static List<LayoutBlock> listing(List<BoardStories> boards) {
        List<LayoutBlock> blocks = new ArrayList<>();
        int shown = 0;
        for (BoardStories board : boards) {
            int count = board.stories().size();
            blocks.add(section(s -> s.text(markdownText("*" + Mrkdwn.escape(board.boardName()) + "*: "
                    + (count == 0 ? "no current stories" : count == 1 ? "1 current story" : count + " current stories")))));
            for (Story story : board.stories()) {
                if (shown == LIST_MAX_STORIES) {
                    break;
                }
                blocks.addAll(story(story, LIST_DESCRIPTION_LIMIT));
                blocks.add(divider());
                shown++;
            }
        }
        int total = boards.stream().mapToInt(b -> b.stories().size()).sum();
        if (total > shown) {
            int more = total - shown;
            blocks.add(context(List.of(markdownText("…and " + more + " more " + (more == 1 ? "story" : "stories")
                    + " on the board."))));
        }
        return blocks;
    }

    static String listingText(List<BoardStories> boards) {
        int total = boards.stream().mapToInt(b -> b.stories().size()).sum();
        return total == 0 ? "No current advocacy stories." : "Current advocacy stories: " + total;
    }

    /** Title, description and image; topics and expiry; the Share button. */
    static List<LayoutBlock> story(Story story, int descriptionLimit) {
        String blockId = "story:" + story.id();
        String title = Mrkdwn.cut(StoryContent.title(story), TITLE_LIMIT);
        String heading = heading(title, StoryContent.link(story).orElse(null));
        String description = Mrkdwn.fit(StoryContent.description(story), Math.min(descriptionLimit, SECTION_TEXT_LIMIT - heading.length() - 1));
        String text = description.isEmpty() ? heading : heading + "\n" + description;

        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> {
            s.blockId(blockId + ":text").text(markdownText(text));
            StoryContent.image(story).ifPresent(url -> s.accessory(image(i -> i.imageUrl(url).altText(Mrkdwn.cut(title, 150)))));
            return s;
        }));
        List<ContextBlockElement> facts = facts(story);
        if (!facts.isEmpty()) {
            blocks.add(context(c -> c.blockId(blockId + ":facts").elements(facts)));
        }
        StoryRef ref = new StoryRef(story.id(), story.boardId());
        blocks.add(actions(a -> a.blockId(blockId + ":actions").elements(List.of(
                button(b -> b.actionId(SHARE_ACTION).text(plainText("Share")).style("primary").value(ref.toJson()))))));
        return blocks;
    }

    /** The title in bold, linked when there is a link. */
    private static String heading(String title, @Nullable String url) {
        return "*" + (url == null ? Mrkdwn.escape(title) : Mrkdwn.link(url, title)) + "*";
    }

    private static List<ContextBlockElement> facts(Story story) {
        List<ContextBlockElement> facts = new ArrayList<>();
        if (!story.topics().isEmpty()) {
            String topics = String.join(", ", story.topics().stream().filter(StringUtils::hasText).map(String::strip).toList());
            if (!topics.isEmpty()) {
                facts.add(markdownText(":label: " + Mrkdwn.escape(Mrkdwn.cut(topics, 1000))));
            }
        }
        Instant expires = story.expiresAt();
        if (expires != null) {
            facts.add(markdownText(":hourglass: Expires " + Mrkdwn.date(expires, "{date_short_pretty} at {time}")));
        }
        return facts;
    }
}
