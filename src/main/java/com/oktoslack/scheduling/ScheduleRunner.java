package com.oktoslack.scheduling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oktoslack.oktopost.Message;
import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.oktopost.OktopostException;
import com.oktoslack.oktopost.Post;
import com.oktoslack.oktopost.PostQuery;
import com.oktoslack.oktopost.WorkflowItem;
import com.oktoslack.results.MadePosts;
import com.oktoslack.scheduling.ScheduleProgress.Call;
import com.oktoslack.slack.Mrkdwn;
import com.oktoslack.slack.PrivateReplies;
import com.oktoslack.slack.UserMessages;
import com.oktoslack.jobs.Jobs;
import com.oktoslack.jobs.RecurringJob;
import com.oktoslack.jobs.Retry;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Carries out accepted submissions after the ack: a message per network, the posts, then the workflow. Every
 * created id is saved before the next call, so a retry skips what exists (and first looks for posts whose
 * answer was lost), and a failure removes exactly what exists (and says what it could not remove). It is the
 * job {@value #KIND}: the engine runs it on one replica at a time, so a request still 'running' when it starts
 * was cut short by a stopped replica and is carried on. A passing failure (Oktopost busy, erring or unreachable)
 * is tried again with the backoff of {@link SchedulingSettings#retry()}; once those attempts are used up, what
 * was created is removed and the person is told.
 */
@Singleton
class ScheduleRunner implements RecurringJob {

    static final String KIND = "scheduling.requests";

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleRunner.class);

    private final ScheduleRequestRepository requests;
    private final Oktopost oktopost;
    private final PrivateReplies replies;
    private final ObjectMapper json;
    private final Jobs jobs;
    private final SchedulingSettings settings;
    private final Clock clock;
    /** Told of the posts made, so their makers hear where they went live and how they did. */
    @Inject
    MadePosts madePosts;

    ScheduleRunner(ScheduleRequestRepository requests, Oktopost oktopost, PrivateReplies replies, ObjectMapper json,
                   Jobs jobs, SchedulingSettings settings, Clock clock) {
        this.requests = requests;
        this.oktopost = oktopost;
        this.replies = replies;
        this.json = json;
        this.jobs = jobs;
        this.settings = settings;
        this.clock = clock;
    }

    /** Stores the order; false when this modal was submitted before, and then nothing is stored. */
    boolean accept(String viewId, String slackUserId, ScheduleOrder order) {
        return requests.insertIfAbsent(viewId, slackUserId, write(order), write(ScheduleProgress.none()), clock.instant()) == 1;
    }

    /** The stored request is carried out by the next sweep, brought forward to now. */
    void start(String viewId) {
        jobs.nudge(KIND);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Duration every() {
        return settings.sweepEvery();
    }

    /** A start carries on with what a stopped run left: the sweep's next run may be up to a sweep away. */
    @EventListener
    void onStartup(StartupEvent event) {
        jobs.nudge(KIND);
    }

    /**
     * Carries out every request due, until none is (retries that fall due meanwhile included); then asks for a
     * run when the next retry is due.
     */
    @Override
    public void run() {
        while (true) {
            Instant now = clock.instant();
            List<ScheduleRequest> due = requests.findDue(now);
            if (due.isEmpty()) {
                // The engine's times are wall-clock; the app's clock only says how far off the retry is.
                requests.findNextRetry(now).ifPresent(next ->
                        jobs.nudgeAt(KIND, Instant.now().plus(Duration.between(now, next.nextAttemptAt()))));
                return;
            }
            for (ScheduleRequest request : due) {
                if (ScheduleRequest.RUNNING.equals(request.status())) {
                    LOG.info("Carrying on with scheduling request {}, left unfinished by a stopped run", request.viewId());
                }
                if (requests.take(request.viewId(), clock.instant()) == 1) {
                    carryOut(request.viewId());
                }
            }
        }
    }

    private void carryOut(String viewId) {
        ScheduleRequest request = requests.findById(viewId).orElseThrow();
        ScheduleOrder order = read(request.plan(), ScheduleOrder.class);
        Tracker tracker = new Tracker(viewId, read(request.progress(), ScheduleProgress.class));
        try {
            create(order, tracker);
        } catch (Exception | Error failure) {
            int attempts = request.attempts() + 1;
            Retry retry = settings.retry();
            if (isPassing(failure) && !retry.exhausted(attempts)) {
                Duration wait = retry.delayBefore(attempts + 1);
                if (failure instanceof OktopostException.RateLimited limited && limited.retryAfter() != null
                        && limited.retryAfter().compareTo(wait) > 0) {
                    wait = limited.retryAfter();
                }
                requests.retryAt(viewId, attempts, clock.instant().plus(wait), clock.instant());
                LOG.info("Scheduling request {} will be tried again in {} (attempt {} of {}): {}", viewId, wait,
                        attempts + 1, retry.attempts(), failure.toString());
                return;
            }
            undo(request, order, tracker.progress, failure);
            return;
        }
        madePosts.scheduled(request.slackUserId(), tracker.progress.allPosts());
        String report = ScheduleReports.scheduled(order);
        requests.finish(viewId, ScheduleRequest.DONE, report, clock.instant());
        LOG.info("Scheduling request {} done: {} post(s)", viewId, tracker.progress.allPosts().size());
        replies.tell(new PrivateReplies.Recipient(request.slackUserId(), order.responseUrl(), null), report);
    }

    /** Oktopost pacing, erring or unreachable: worth another try, which first looks at what the last one did. */
    private static boolean isPassing(Throwable failure) {
        return failure instanceof OktopostException.RateLimited || mayHaveWorked(failure);
    }

    private void create(ScheduleOrder order, Tracker tracker) {
        for (ScheduleOrder.Target target : order.targets()) {
            String network = target.network();
            String messageId = tracker.progress.messages().get(network);
            if (messageId == null) {
                if (tracker.progress.isCalling(Call.MESSAGE, network)) {
                    // Messages cannot be looked up by campaign: the worst a second create leaves is an unused message.
                    LOG.warn("The {} message may have been created by an attempt whose answer was lost; creating it again", network);
                }
                tracker.save(tracker.progress.calling(Call.MESSAGE, network));
                Message message = oktopost.createMessage(order.message(network));
                messageId = message.id();
                tracker.save(tracker.progress.withMessage(network, messageId));
            }
            if (tracker.progress.posts().containsKey(network)) {
                continue;
            }
            // A lost answer may hide posts that were made: look before making them again.
            List<String> postIds = tracker.progress.isCalling(Call.POSTS, network) ? postsOf(messageId) : List.of();
            if (postIds.isEmpty()) {
                tracker.save(tracker.progress.calling(Call.POSTS, network));
                postIds = oktopost.createPosts(messageId, target.profileIds(), order.start(), order.postStatus())
                        .stream().map(Post::id).toList();
                if (postIds.isEmpty()) {
                    postIds = postsOf(messageId);
                }
                if (postIds.isEmpty()) {
                    throw new OktopostException.ServerError(200, "Oktopost answered without the posts it created");
                }
            }
            tracker.save(tracker.progress.withPosts(network, postIds));
        }
        if (order.workflowId() == null) {
            return;
        }
        if (tracker.progress.inFlight() != null && tracker.progress.inFlight().is(Call.WORKFLOW)) {
            Set<String> inWorkflow = oktopost.allWorkflowItems(order.workflowId()).stream()
                    .map(WorkflowItem::entityId).filter(Objects::nonNull).collect(Collectors.toSet());
            tracker.save(tracker.progress.withSent(tracker.progress.allPosts().stream()
                    .filter(inWorkflow::contains).collect(Collectors.toSet())));
        }
        for (String postId : tracker.progress.allPosts()) {
            if (tracker.progress.sent().contains(postId)) {
                continue;
            }
            tracker.save(tracker.progress.calling(Call.WORKFLOW, postId));
            oktopost.sendToWorkflow(postId, order.workflowId());
            tracker.save(tracker.progress.withSent(Set.of(postId)));
        }
    }

    private List<String> postsOf(String messageId) {
        return oktopost.allPosts(PostQuery.all().withMessageId(messageId)).stream().map(Post::id).toList();
    }

    /** Removes what was created, newest first, and tells the person what happened and what is left. */
    private void undo(ScheduleRequest request, ScheduleOrder order, ScheduleProgress progress, Throwable failure) {
        String reference = UserMessages.newReference();
        LOG.warn("Scheduling request {} failed (reference {}); removing what was created", request.viewId(), reference, failure);
        List<String> remains = new ArrayList<>();
        Set<String> posts = new LinkedHashSet<>(progress.allPosts());
        Call inFlight = progress.inFlight();
        if (inFlight != null && inFlight.is(Call.POSTS) && progress.messages().containsKey(inFlight.subject())) {
            String messageId = progress.messages().get(inFlight.subject());
            try {
                posts.addAll(postsOf(messageId));
            } catch (RuntimeException e) {
                remains.add("any " + Networks.label(inFlight.subject()) + " posts of message `" + messageId
                        + "` (Oktopost's answer was lost, so I could not check)");
            }
        }
        for (String postId : progress.sent()) {
            try {
                oktopost.removeFromWorkflow(postId);
            } catch (OktopostException.NotFound gone) {
                // Not in the workflow: nothing to take out.
            } catch (RuntimeException e) {
                LOG.info("Could not take post {} out of the workflow before deleting it", postId, e);
            }
        }
        int removedPosts = 0;
        for (String postId : posts) {
            if (remove(() -> oktopost.deletePost(postId))) {
                removedPosts++;
            } else {
                remains.add(Networks.label(networkOf(progress, inFlight, postId)) + " post `" + postId + "`");
            }
        }
        int removedMessages = 0;
        for (var message : progress.messages().entrySet()) {
            if (remove(() -> oktopost.deleteMessage(message.getValue()))) {
                removedMessages++;
            } else {
                remains.add(Networks.label(message.getKey()) + " message `" + message.getValue() + "` in campaign "
                        + Mrkdwn.escape(order.campaignName()));
            }
        }
        if (inFlight != null && inFlight.is(Call.MESSAGE) && mayHaveWorked(failure)) {
            remains.add("perhaps an unused " + Networks.label(inFlight.subject()) + " message in campaign "
                    + Mrkdwn.escape(order.campaignName()) + ": Oktopost did not answer while it was being created");
        }
        String report = ScheduleReports.failed(UserMessages.describe(failure, reference), step(order, inFlight),
                removedMessages, removedPosts, remains);
        requests.finish(request.viewId(), remains.isEmpty() ? ScheduleRequest.UNDONE : ScheduleRequest.FAILED, report,
                clock.instant());
        replies.tell(new PrivateReplies.Recipient(request.slackUserId(), order.responseUrl(), null), report);
    }

    private static String networkOf(ScheduleProgress progress, Call inFlight, String postId) {
        String network = progress.networkOf(postId);
        return "?".equals(network) && inFlight != null ? inFlight.subject() : network;
    }

    /** Deletes; already gone counts as removed. */
    private static boolean remove(Runnable delete) {
        try {
            delete.run();
            return true;
        } catch (OktopostException.NotFound gone) {
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Could not remove something a failed scheduling request created", e);
            return false;
        }
    }

    /** No answer, or a server error: the call may have done its work all the same. */
    private static boolean mayHaveWorked(Throwable failure) {
        return failure instanceof OktopostException.Unreachable || failure instanceof OktopostException.ServerError;
    }

    private static String step(ScheduleOrder order, Call inFlight) {
        if (inFlight == null) {
            return null;
        }
        return switch (inFlight.kind()) {
            case Call.MESSAGE -> "creating the " + Networks.label(inFlight.subject()) + " message";
            case Call.POSTS -> "scheduling the " + Networks.label(inFlight.subject()) + " posts";
            default -> "sending the posts for approval in " + Mrkdwn.escape(String.valueOf(order.workflowName()));
        };
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot store " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored " + type.getSimpleName() + " is unreadable", e);
        }
    }

    /** The progress of one request, saved to the database on every change. */
    private final class Tracker {
        private final String viewId;
        private ScheduleProgress progress;

        Tracker(String viewId, ScheduleProgress progress) {
            this.viewId = viewId;
            this.progress = progress;
        }

        void save(ScheduleProgress next) {
            requests.saveProgress(viewId, write(next), clock.instant());
            progress = next;
        }
    }
}
