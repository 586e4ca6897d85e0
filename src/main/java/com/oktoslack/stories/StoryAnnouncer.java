package com.oktoslack.stories;

import com.oktoslack.oktopost.OktopostException;
import com.oktoslack.oktopost.Story;
import com.oktoslack.slack.ChannelRoutes;
import com.oktoslack.slack.PostedMessages;
import com.oktoslack.slack.SlackError;
import com.slack.api.methods.AsyncMethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.Message;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Announces new board stories in the stories channel, once per story and channel. Each announcement is a
 * row first; it is claimed ('posting') right before chat.postMessage and marked posted with the ts after.
 * A row still 'posting' when no post is under way was interrupted: the channel is checked for the message
 * (found by its metadata) before it is posted again.
 */
@Singleton
class StoryAnnouncer {

    static final String METADATA_EVENT = "okto_story_announced";

    private static final Logger LOG = LoggerFactory.getLogger(StoryAnnouncer.class);
    private static final int BATCH = 200;
    /** Drafts and stories waiting for approval may still be published; they are looked at again for a week. */
    private static final Set<String> MAY_STILL_PUBLISH = Set.of("draft", "pending");
    private static final Duration RECHECK_UNPUBLISHED = Duration.ofHours(1);
    private static final Duration WATCH_UNPUBLISHED = Duration.ofDays(7);

    private final AnnouncementRepository announcements;
    private final StoryLookup lookup;
    private final ChannelRoutes routes;
    private final AsyncMethodsClient slackAsync;
    private final PostedMessages posted;
    private final StoryCardCloser cards;
    private final Clock clock;
    private final ReentrantLock working = new ReentrantLock();
    private final AtomicBoolean toldNoRoute = new AtomicBoolean();

    StoryAnnouncer(AnnouncementRepository announcements, StoryLookup lookup, ChannelRoutes routes,
                   AsyncMethodsClient slackAsync, PostedMessages posted, StoryCardCloser cards, Clock clock) {
        this.announcements = announcements;
        this.lookup = lookup;
        this.routes = routes;
        this.slackAsync = slackAsync;
        this.posted = posted;
        this.cards = cards;
        this.clock = clock;
    }

    /** Makes the stories due in the stories channel; false (and said once in the log) when none is routed. */
    boolean enqueue(Collection<StoryRef> stories) {
        Optional<String> channel = routes.storiesChannel();
        if (channel.isEmpty()) {
            if (toldNoRoute.compareAndSet(false, true)) {
                LOG.info("New advocacy stories are not announced: no channel is routed (/okto route stories #channel)");
            }
            return false;
        }
        toldNoRoute.set(false);
        Instant now = clock.instant();
        stories.forEach(ref -> announcements.insertIfAbsent(ref.storyId(), channel.get(), ref.boardId(), now));
        return true;
    }

    /** Posts what is due; a failure leaves the rest due and is thrown, so the caller can retry later. */
    void announceDue() throws IOException, SlackApiException, InterruptedException {
        working.lock();
        try {
            resolveInterrupted();
            postDue();
        } finally {
            working.unlock();
        }
    }

    /**
     * Catches what the webhook path left (stories due on their publish date, failures, interrupted posts), then
     * closes the cards of stories that have ended; either goes on when the other fails.
     */
    @Scheduled(fixedDelay = "${okto.stories.sweep-every}", initialDelay = "${okto.stories.sweep-delay}")
    void sweep() {
        if (!working.tryLock()) {
            return;
        }
        try {
            try {
                resolveInterrupted();
                postDue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warn("Story announcements will be tried again: {}", e.toString());
            }
            try {
                cards.closeEnded();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.warn("Cards of ended stories will be closed later: {}", e.toString());
            }
        } finally {
            working.unlock();
        }
    }

    private void postDue() throws InterruptedException {
        List<Announcement> due = announcements.findDue(clock.instant(), BATCH);
        if (due.isEmpty()) {
            return;
        }
        Map<String, Story> stories = lookup.byRefs(due.stream().map(Announcement::ref).toList());
        Instant now = clock.instant();
        List<Announcement> oldestFirst = due.stream()
                .sorted(Comparator.comparing(a -> publishedOrEpoch(stories.get(a.storyId()))))
                .toList();
        for (Announcement announcement : oldestFirst) {
            Story story = stories.get(announcement.storyId());
            if (story == null) {
                announcements.markSkipped(announcement.id(), "not found in Oktopost");
            } else if (story.isExpired(now)) {
                announcements.markSkipped(announcement.id(), "expired before it was announced");
            } else if (story.isHidden()) {
                holdOrSkip(announcement, story, now);
            } else if (!story.isPublished(now)) {
                announcements.markDue(announcement.id(), story.publishAt(), "waits for its publish date");
            } else {
                post(announcement, story);
            }
        }
    }

    private void holdOrSkip(Announcement announcement, Story story, Instant now) {
        String status = story.status() == null ? "" : story.status().strip().toLowerCase(Locale.ROOT);
        if (MAY_STILL_PUBLISH.contains(status) && announcement.createdAt().isAfter(now.minus(WATCH_UNPUBLISHED))) {
            announcements.markDue(announcement.id(), now.plus(RECHECK_UNPUBLISHED), "status " + status + "; looked at again later");
        } else {
            announcements.markSkipped(announcement.id(), "status " + status);
        }
    }

    private void post(Announcement announcement, Story story) throws InterruptedException {
        if (announcements.claim(announcement.id(), clock.instant()) == 0) {
            return;
        }
        String boardName = boardName(story);
        ChatPostMessageResponse response;
        try {
            response = slackAsync.chatPostMessage(r -> r
                    .channel(announcement.channelId())
                    .text(StoryCards.announcementText(story))
                    .blocks(StoryCards.announcement(story, boardName))
                    .metadata(Message.Metadata.builder().eventType(METADATA_EVENT)
                            .eventPayload(Map.of("story_id", story.id())).build())
                    .unfurlLinks(false)
                    .unfurlMedia(false)).get(2, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException e) {
            // Slack may have posted it: the row stays 'posting' and the channel is checked before the next try.
            throw new IllegalStateException("Announcing story " + story.id() + " got no clear answer from Slack", e);
        }
        if (response.isOk()) {
            announcements.markPosted(announcement.id(), response.getTs(), StoryContent.title(story),
                    StoryContent.link(story).orElse(null), story.expiresAt(), clock.instant());
            return;
        }
        String error = response.getError();
        if (SlackError.of(error).permanent()) {
            LOG.warn("Story {} cannot be announced in {}: Slack says {}", story.id(), announcement.channelId(), error);
            announcements.markSkipped(announcement.id(), "Slack: " + error);
            return;
        }
        announcements.markDue(announcement.id(), clock.instant(), "Slack: " + error);
        throw new IllegalStateException("Slack refused to announce story " + story.id() + ": " + error);
    }

    private String boardName(Story story) {
        if (story.boardId() == null) {
            return null;
        }
        try {
            return lookup.boardName(story.boardId()).orElse(null);
        } catch (OktopostException e) {
            return null;
        }
    }

    /** Rows left 'posting' by a crash or an unclear answer: adopt the message if it is there, else post again. */
    private void resolveInterrupted() throws IOException, SlackApiException {
        for (Announcement announcement : announcements.findByStatus(Announcement.POSTING)) {
            Optional<String> ts = findPosted(announcement);
            if (ts.isPresent()) {
                announcements.markPosted(announcement.id(), ts.get());
            } else {
                announcements.markDue(announcement.id(), clock.instant(), "posting was interrupted");
            }
        }
    }

    private Optional<String> findPosted(Announcement announcement) throws IOException, SlackApiException {
        Instant since = (announcement.attemptedAt() == null ? announcement.createdAt() : announcement.attemptedAt())
                .minus(Duration.ofMinutes(1));
        return posted.find(announcement.channelId(), since, METADATA_EVENT,
                payload -> announcement.storyId().equals(String.valueOf(payload.get("story_id"))));
    }

    private static Instant publishedOrEpoch(Story story) {
        return story == null || story.publishAt() == null ? Instant.EPOCH : story.publishAt();
    }
}
