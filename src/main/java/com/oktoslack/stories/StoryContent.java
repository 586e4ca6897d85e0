package com.oktoslack.stories;

import com.oktoslack.oktopost.Story;
import com.oktoslack.oktopost.StoryMessage;
import com.oktoslack.slack.Mrkdwn;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What a story shows and whether advocates can share it now; falls back to its messages' link and image. */
final class StoryContent {

    /** Statuses of stories advocates cannot see on the board (drafts, waiting for or refused approval). */
    private static final Set<String> HIDDEN = Set.of("draft", "pending", "rejected", "deleted", "archived", "expired");

    private StoryContent() {
    }

    static String title(Story story) {
        if (Mrkdwn.present(story.title())) {
            return story.title().strip();
        }
        return Mrkdwn.present(story.linkTitle()) ? story.linkTitle().strip() : "Untitled story";
    }

    static String description(Story story) {
        if (Mrkdwn.present(story.description())) {
            return story.description().strip();
        }
        return Mrkdwn.present(story.linkDescription()) ? story.linkDescription().strip() : "";
    }

    static Optional<String> link(Story story) {
        if (Mrkdwn.isWebUrl(story.linkUrl())) {
            return Optional.of(story.linkUrl().strip());
        }
        return story.messages().stream().map(StoryMessage::linkUrl).filter(Mrkdwn::isWebUrl).map(String::strip).findFirst();
    }

    static Optional<String> image(Story story) {
        if (Mrkdwn.isWebUrl(story.imageUrl())) {
            return Optional.of(story.imageUrl().strip());
        }
        return story.messages().stream().map(StoryMessage::imageUrl).filter(Mrkdwn::isWebUrl).map(String::strip).findFirst();
    }

    /** Hidden from advocates by its status, whatever its dates. */
    static boolean isHidden(Story story) {
        return story.status() != null && HIDDEN.contains(story.status().strip().toLowerCase(Locale.ROOT));
    }

    static boolean isExpired(Story story, Instant now) {
        Instant expires = story.expiresAt();
        return expires != null && !expires.isAfter(now);
    }

    static boolean isPublished(Story story, Instant now) {
        Instant published = story.publishAt();
        return published == null || !published.isAfter(now);
    }

    /** On the board right now: visible, published and not expired. */
    static boolean isCurrent(Story story, Instant now) {
        return !isHidden(story) && isPublished(story, now) && !isExpired(story, now);
    }

    /** The networks are matched loosely: Oktopost has called Twitter both "Twitter" and "X". */
    static String networkKey(@Nullable String network) {
        String key = network == null ? "" : network.strip().toLowerCase(Locale.ROOT);
        return key.equals("x") ? "twitter" : key;
    }

    static Optional<StoryMessage> messageFor(Story story, @Nullable String network) {
        String wanted = networkKey(network);
        return story.messages().stream()
                .filter(m -> networkKey(m.network()).equals(wanted) && Mrkdwn.present(m.id()))
                .findFirst();
    }
}
