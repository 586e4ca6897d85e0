package com.oktoslack.stories;

import com.oktoslack.oktopost.Network;
import com.oktoslack.oktopost.Story;
import com.oktoslack.oktopost.StoryMessage;
import com.oktoslack.slack.Mrkdwn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.util.StringUtils;

import java.util.Optional;

/** What a story shows and whether advocates can share it now; falls back to its messages' link and image. */
final class StoryContent {

    private StoryContent() {
    }

    static String title(Story story) {
        if (StringUtils.hasText(story.title())) {
            return story.title().strip();
        }
        return StringUtils.hasText(story.linkTitle()) ? story.linkTitle().strip() : "Untitled story";
    }

    static String description(Story story) {
        if (StringUtils.hasText(story.description())) {
            return story.description().strip();
        }
        return StringUtils.hasText(story.linkDescription()) ? story.linkDescription().strip() : "";
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

    /** The networks are matched as {@link Network} matches them: Oktopost has called Twitter both "Twitter" and "X". */
    static String networkKey(@Nullable String network) {
        return Network.key(network);
    }

    static Optional<StoryMessage> messageFor(Story story, @Nullable String network) {
        String wanted = networkKey(network);
        return story.messages().stream()
                .filter(m -> networkKey(m.network()).equals(wanted) && StringUtils.hasText(m.id()))
                .findFirst();
    }
}
