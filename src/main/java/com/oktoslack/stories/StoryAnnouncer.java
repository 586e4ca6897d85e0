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
import com.oktoslack.jobs.RecurringJob;
import com.oktoslack.jobs.Retry;
import io.micronaut.context.annotation.Value;
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

/**
 * Announces new board stories in the stories channel, once per story and channel. Each announcement is a
 * row first; it is claimed ('posting', an attempt counted) right before chat.postMessage and marked posted with
 * the ts after. A row still 'posting' longer than a post can take was interrupted: the channel is checked for
 * the message (found by its metadata) before it is posted again. A post Slack refuses in passing is tried again
 * with the backoff of {@code okto.stories.retry}; once those attempts are used up the row is 'failed'. The job
 * {@value #KIND} sweeps for what the webhook path left, then closes the cards of stories that have ended.
 */
@Singleton
class StoryAnnouncer implements RecurringJob {

    static final String KIND = "stories.announce";
    static final String METADATA_EVENT = "okto_story_announced";
    /** Longer than a post is waited for: a row 'posting' this long has no post under way on any replica. */
    static final Duration INTERRUPTED_AFTER = Duration.ofMinutes(3);
    private static final Duration POST_WAIT = Duration.ofMinutes(2);

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
    private final Retry retry;
    private final Duration sweepEvery;
    // Only the log line about a missing route is said once per process; nothing durable rests on it.
    private final AtomicBoolean toldNoRoute = new AtomicBoolean();

    StoryAnnouncer(AnnouncementRepository announcements, StoryLookup lookup, ChannelRoutes routes,
                   AsyncMethodsClient slackAsync, PostedMessages posted, StoryCardCloser cards, Clock clock,
                   StoryRetry retry, @Value("${okto.stories.sweep-every}") Duration sweepEvery) {
        this.announcements = announcements;
        this.lookup = lookup;
        this.routes = routes;
        this.slackAsync = slackAsync;
        this.posted = posted;
        this.cards = cards;
        this.clock = clock;
        this.retry = retry.retry();
        this.sweepEvery = sweepEvery;
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

    /**
     * Posts what is due; a failure leaves the rest due and is thrown, so the caller can retry later. Safe beside
     * another run on this or another replica: each post is claimed first, and only rows left 'posting' longer
     * than a post can take are taken for interrupted.
     */
    void announceDue() throws IOException, SlackApiException, InterruptedException {
        resolveInterrupted();
        postDue();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Duration every() {
        return sweepEvery;
    }

    /**
     * Catches what the webhook path left (stories due on their publish date, failures, interrupted posts), then
     * closes the cards of stories that have ended; either goes on when the other fails.
     */
    @Override
    public void run() throws InterruptedException {
        try {
            announceDue();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            LOG.warn("Story announcements will be tried again: {}", e.toString());
        }
        try {
            cards.closeEnded();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            LOG.warn("Cards of ended stories will be closed later: {}", e.toString());
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
                    .unfurlMedia(false)).get(POST_WAIT.toMillis(), TimeUnit.MILLISECONDS);
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
        tryAgainOrFail(announcement.id(), announcement.attempts() + 1, "Slack: " + error);
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

    /** After {@code attempts} tries: due again after the backoff, or failed for good once they are used up. */
    private void tryAgainOrFail(long id, int attempts, String reason) {
        if (retry.exhausted(attempts)) {
            LOG.warn("Story announcement {} is given up after {} attempt(s): {}", id, attempts, reason);
            announcements.markFailed(id, reason + " (" + attempts + " attempts)");
        } else {
            announcements.markDue(id, clock.instant().plus(retry.delayBefore(attempts + 1)), reason);
        }
    }

    /**
     * Rows left 'posting' by a crash or an unclear answer: adopt the message if it is there, else post again. A
     * row is changed only if no other run took it meanwhile (same attempt time), so two runs never both post it.
     */
    private void resolveInterrupted() throws IOException, SlackApiException {
        Instant stale = clock.instant().minus(INTERRUPTED_AFTER);
        for (Announcement announcement : announcements.findInterrupted(stale)) {
            Optional<String> ts = findPosted(announcement);
            if (ts.isPresent()) {
                announcements.markPosted(announcement.id(), ts.get());
            } else if (retry.exhausted(announcement.attempts())) {
                announcements.failInterrupted(announcement.id(), announcement.attemptedAt(),
                        "posting was interrupted (" + announcement.attempts() + " attempts)");
            } else {
                // It has waited INTERRUPTED_AFTER already: due again at once, its attempt counted.
                announcements.requeueInterrupted(announcement.id(), announcement.attemptedAt(), clock.instant(),
                        "posting was interrupted");
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
