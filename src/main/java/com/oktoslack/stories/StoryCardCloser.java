package com.oktoslack.stories;

import com.oktoslack.oktopost.Story;
import com.oktoslack.slack.SlackError;
import com.slack.api.methods.AsyncMethodsClient;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Takes the Share button off posted story cards once their story has ended, within Oktopost's small call
 * budget: Oktopost is read in batches, never once a card each time. Cards whose stored expiry has passed are
 * read again (the expiry may have been extended), and every {@code okto.stories.recheck-every} all open cards
 * are, through their boards' lists, to find stories deleted or hidden since. An ended card is marked 'closing' before chat.update,
 * so a failed update is tried again without reading Oktopost again.
 */
@Singleton
class StoryCardCloser {

    private static final Logger LOG = LoggerFactory.getLogger(StoryCardCloser.class);
    private static final int BATCH = 200;

    private final AnnouncementRepository announcements;
    private final StoryLookup lookup;
    private final AsyncMethodsClient slackAsync;
    private final Clock clock;
    private final Duration recheckEvery;

    StoryCardCloser(AnnouncementRepository announcements, StoryLookup lookup, AsyncMethodsClient slackAsync, Clock clock,
                    StorySettings settings) {
        this.announcements = announcements;
        this.lookup = lookup;
        this.slackAsync = slackAsync;
        this.clock = clock;
        this.recheckEvery = settings.recheckEvery();
    }

    /** Finds the cards whose story has ended and closes them; a Slack failure is thrown, the rest waits. */
    void closeEnded() throws InterruptedException {
        Instant now = clock.instant();
        if (announcements.countUncheckedSince(now.minus(recheckEvery)) > 0) {
            recheck(announcements.findOpen(BATCH), now);
        } else {
            List<Announcement> expired = announcements.findExpired(now, BATCH);
            if (!expired.isEmpty()) {
                Map<String, Story> stories = lookup.byRefs(expired.stream().map(Announcement::ref).toList());
                expired.forEach(card -> settle(card, stories.get(card.storyId()), now));
            }
        }
        for (Announcement card : announcements.findByStatus(Announcement.CLOSING)) {
            close(card);
        }
    }

    /**
     * All open cards, from their boards' lists (a few calls a board, however many cards): a story missing from a
     * board read to its end is gone; one missing from a board too large to read whole is looked for next time.
     */
    private void recheck(List<Announcement> cards, Instant now) {
        StoryLookup.Listing listing = lookup.boards(cards.stream().map(Announcement::boardId).collect(Collectors.toSet()));
        for (Announcement card : cards) {
            Story story = listing.stories().get(card.storyId());
            if (story == null && !listing.readWhole(card.boardId())) {
                announcements.markCheckedAt(card.id(), now);
            } else {
                settle(card, story, now);
            }
        }
    }

    private void settle(Announcement card, Story storyOrNull, Instant now) {
        if (storyOrNull == null) {
            announcements.markClosing(card.id(), Announcement.REMOVED, now);
            return;
        }
        announcements.markChecked(card.id(), StoryContent.title(storyOrNull), StoryContent.link(storyOrNull).orElse(null),
                storyOrNull.expiresAt(), now);
        if (storyOrNull.isExpired(now)) {
            announcements.markClosing(card.id(), Announcement.EXPIRED, now);
        } else if (storyOrNull.isHidden()) {
            announcements.markClosing(card.id(), Announcement.REMOVED, now);
        }
    }

    private void close(Announcement card) throws InterruptedException {
        ChatUpdateResponse response;
        try {
            response = slackAsync.chatUpdate(r -> r
                    .channel(card.channelId())
                    .ts(card.messageTs())
                    .text(StoryCards.endedText(card))
                    .blocks(StoryCards.ended(card))).get(2, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Closing the card of story " + card.storyId() + " got no clear answer from Slack", e);
        }
        if (response.isOk()) {
            announcements.markClosed(card.id(), null);
            return;
        }
        String error = response.getError();
        if (SlackError.of(error).permanent()) {
            LOG.warn("The card of story {} in {} cannot be closed: Slack says {}", card.storyId(), card.channelId(), error);
            announcements.markClosed(card.id(), "Slack: " + error);
            return;
        }
        throw new IllegalStateException("Slack refused to close the card of story " + card.storyId() + ": " + error);
    }
}
