package com.oktoslack.digest;

import com.oktoslack.digest.DigestSnapshot.PostLine;
import com.oktoslack.digest.DigestSnapshot.PostList;
import com.oktoslack.digest.DigestSnapshot.SentPost;
import com.oktoslack.digest.DigestSnapshot.StoryLine;
import com.oktoslack.digest.DigestSnapshot.StoryList;
import com.oktoslack.digest.DigestSnapshot.WaitingItem;
import com.oktoslack.oktopost.Board;
import com.oktoslack.oktopost.Message;
import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.oktopost.OktopostDates;
import com.oktoslack.oktopost.Page;
import com.oktoslack.oktopost.Person;
import com.oktoslack.oktopost.Post;
import com.oktoslack.oktopost.PostQuery;
import com.oktoslack.oktopost.Story;
import com.oktoslack.oktopost.StoryMessage;
import com.oktoslack.oktopost.Workflow;
import com.oktoslack.oktopost.WorkflowItem;
import com.oktoslack.oktopost.WorkflowItemPage;
import com.oktoslack.oktopost.WorkflowStep;
import com.oktoslack.results.FailureReasons;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Gathers a digest's data from Oktopost in a fixed handful of calls, whatever the volume: the pending
 * workflow items with their steps (1000 per call), one call per post status and window (only the first
 * posts are shown; Oktopost's Total gives the count), one for the shown posts' texts, and one per board for
 * stories; one for the posts sent in the last two days (their clicks, comments and likes come with the list, so
 * yesterday's top posts cost no call per post), and the reasons of the shown failed posts (stored for the app's own
 * posts, else read once each from the post log). Workflows and boards come from the client's cache. A snapshot is reused for a short while, so
 * digests due together, and impatient {@code /okto digest now}s, share it.
 */
@Singleton
class DigestSource {

    static final int SHOWN = 10;
    static final Duration WINDOW = Duration.ofHours(24);
    private static final int POSTS_PER_CALL = 25;
    private static final int STORIES_PER_CALL = 100;
    /** Any time zone's yesterday lies within the two days before now. */
    static final Duration SENT_WINDOW = Duration.ofHours(48);
    private static final int SENT_PER_CALL = 100;

    private final Oktopost oktopost;
    private final FailureReasons reasons;
    private final Clock clock;
    private final Duration reuseFor;
    private DigestSnapshot last;

    DigestSource(Oktopost oktopost, Clock clock, DigestSettings settings, FailureReasons reasons) {
        this.oktopost = oktopost;
        this.reasons = reasons;
        this.clock = clock;
        this.reuseFor = settings.reuseDataFor();
    }

    /** The current snapshot; one caller builds it while others wait, so concurrent digests share the calls. */
    synchronized DigestSnapshot snapshot() {
        Instant now = clock.instant();
        if (last != null && !now.isBefore(last.takenAt()) && now.isBefore(last.takenAt().plus(reuseFor))) {
            return last;
        }
        last = collect(now);
        return last;
    }

    private DigestSnapshot collect(Instant now) {
        List<WaitingItem> waiting = waitingItems();
        List<Post> upcoming = new ArrayList<>();
        List<Post> failed = new ArrayList<>();
        int upcomingTotal = 0;
        int failedTotal = 0;
        PostQuery next = PostQuery.scheduledBetween(now, now.plus(WINDOW)).withCount(POSTS_PER_CALL);
        for (String status : List.of("pending", "inqueue")) {
            Page<Post> page = oktopost.posts(next.withStatus(status));
            upcoming.addAll(page.items());
            upcomingTotal += page.total();
        }
        PostQuery past = PostQuery.all().orderBy("startDateTime,0").between(now.minus(WINDOW), now).withCount(POSTS_PER_CALL);
        for (String status : List.of("error", "incomplete")) {
            Page<Post> page = oktopost.posts(past.withStatus(status));
            failed.addAll(page.items());
            failedTotal += page.total();
        }
        Comparator<Post> byTime = Comparator.comparing(DigestSource::startOf);
        List<Post> upcomingShown = upcoming.stream().sorted(byTime).limit(SHOWN).toList();
        List<Post> failedShown = failed.stream().sorted(byTime.reversed()).limit(SHOWN).toList();
        List<Post> sent = oktopost.posts(PostQuery.all().withStatus("complete").orderBy("startDateTime,0")
                .between(now.minus(SENT_WINDOW), now).withCount(SENT_PER_CALL)).items();
        Map<String, Message> texts = messagesOf(Stream.of(upcomingShown, failedShown, sent).flatMap(List::stream).toList());
        Map<String, String> why = failedShown.isEmpty() ? Map.of() : reasons.of(failedShown.stream().map(Post::id).toList());
        return new DigestSnapshot(now, waiting,
                new PostList(lines(upcomingShown, texts, Map.of()), Math.max(upcomingTotal, upcomingShown.size())),
                new PostList(lines(failedShown, texts, why), Math.max(failedTotal, failedShown.size())),
                newStories(now), sentPosts(sent, texts));
    }

    private static List<SentPost> sentPosts(List<Post> sent, Map<String, Message> texts) {
        return sent.stream().filter(p -> p.startAt() != null).map(p -> new SentPost(p.startAt(),
                p.network() == null ? "" : p.network(),
                Optional.ofNullable(p.messageId()).map(texts::get).map(Message::message).orElse(null),
                count(p.clicks()), count(p.comments()), count(p.likes()))).toList();
    }

    private static int count(@Nullable Integer metric) {
        return metric == null || metric < 0 ? 0 : metric;
    }

    private List<WaitingItem> waitingItems() {
        WorkflowItemPage pending = oktopost.allPendingItems(null);
        if (pending.items().isEmpty()) {
            return List.of();
        }
        Map<String, Workflow> workflows = oktopost.workflows().stream()
                .collect(Collectors.toMap(Workflow::id, Function.identity(), (a, b) -> a));
        List<WaitingItem> waiting = new ArrayList<>();
        for (WorkflowItem item : pending.items()) {
            String workflowId = item.workflowId() == null ? "" : item.workflowId();
            String stepId = item.stepId() == null ? "" : item.stepId();
            Optional<Workflow> workflow = Optional.ofNullable(workflows.get(workflowId));
            Optional<WorkflowStep> step = pending.step(item).or(() -> workflow.flatMap(w -> w.step(stepId)));
            waiting.add(new WaitingItem(item.entityId(),
                    workflowId,
                    workflow.map(Workflow::name).orElse("Workflow " + workflowId),
                    stepId,
                    step.map(WorkflowStep::name).orElse("Step " + stepId),
                    workflow.map(w -> w.stepNumber(stepId)).orElse(0),
                    item.waitingSince(),
                    step.map(s -> s.approvers().stream().map(Person::id).collect(Collectors.toSet())).orElse(Set.of())));
        }
        return waiting;
    }

    private Map<String, Message> messagesOf(List<Post> posts) {
        Set<String> ids = new LinkedHashSet<>();
        posts.stream().map(Post::messageId).filter(id -> id != null && !id.isBlank()).forEach(ids::add);
        if (ids.isEmpty()) {
            return Map.of();
        }
        return oktopost.messages(ids).stream().collect(Collectors.toMap(Message::id, Function.identity(), (a, b) -> a));
    }

    private static List<PostLine> lines(List<Post> posts, Map<String, Message> texts, Map<String, String> reasons) {
        return posts.stream().map(p -> new PostLine(startOf(p),
                p.network() == null ? "" : p.network(),
                p.status() == null ? "" : p.status(),
                Optional.ofNullable(p.messageId()).map(texts::get).map(Message::message).orElse(null),
                reasons.get(p.id()))).toList();
    }

    private static Instant startOf(Post post) {
        return post.startAt() != null ? post.startAt() : Instant.EPOCH;
    }

    /** Stories published in the last day; null when the account has no board, so the digest leaves them out. */
    private @Nullable StoryList newStories(Instant now) {
        List<Board> boards = oktopost.boards().stream()
                .filter(Board::isActive)
                .toList();
        if (boards.isEmpty()) {
            return null;
        }
        List<StoryLine> fresh = new ArrayList<>();
        boolean more = false;
        for (Board board : boards) {
            Page<Story> page = oktopost.stories(board.id(), 0, STORIES_PER_CALL);
            List<StoryLine> fromBoard = page.items().stream()
                    .filter(s -> !s.isHidden())
                    .filter(s -> isRecent(publishedAt(s), now))
                    .map(s -> new StoryLine(titleOf(s), boards.size() > 1 ? board.name() : null, publishedAt(s)))
                    .toList();
            fresh.addAll(fromBoard);
            more |= page.items().size() == STORIES_PER_CALL && fromBoard.size() == STORIES_PER_CALL;
        }
        fresh.sort(Comparator.comparing(StoryLine::at).reversed());
        return new StoryList(fresh, more);
    }

    private static @Nullable Instant publishedAt(Story story) {
        return story.publishAt() != null ? story.publishAt() : OktopostDates.parse(story.created());
    }

    private static boolean isRecent(@Nullable Instant at, Instant now) {
        return at != null && !at.isAfter(now) && at.isAfter(now.minus(WINDOW));
    }

    private static String titleOf(Story story) {
        if (story.title() != null && !story.title().isBlank()) {
            return story.title();
        }
        return story.messages().stream().map(StoryMessage::message).filter(m -> m != null && !m.isBlank())
                .findFirst().orElse("Untitled story");
    }
}
