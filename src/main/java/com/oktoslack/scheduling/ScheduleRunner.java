package com.oktoslack.scheduling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oktoslack.oktopost.Message;
import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.oktopost.OktopostException;
import com.oktoslack.oktopost.Post;
import com.oktoslack.oktopost.PostQuery;
import com.oktoslack.oktopost.WorkflowItem;
import com.oktoslack.scheduling.ScheduleProgress.Call;
import com.oktoslack.slack.Mrkdwn;
import com.oktoslack.slack.PrivateReplies;
import com.oktoslack.slack.UserMessages;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

/**
 * Carries out accepted submissions after the ack: a message per network, the posts, then the workflow. Every
 * created id is saved before the next call, so a failure removes exactly what exists (and says what it could
 * not remove), and requests a stopped process left unfinished carry on after the next start.
 */
@Singleton
class ScheduleRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleRunner.class);

    private final ScheduleRequestRepository requests;
    private final Oktopost oktopost;
    private final PrivateReplies replies;
    private final ObjectMapper json;
    private final ExecutorService executor;
    private final Clock clock;
    private final Instant startedAt;

    ScheduleRunner(ScheduleRequestRepository requests, Oktopost oktopost, PrivateReplies replies, ObjectMapper json,
                   @Named("after-ack") ExecutorService executor, Clock clock) {
        this.requests = requests;
        this.oktopost = oktopost;
        this.replies = replies;
        this.json = json;
        this.executor = executor;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    /** Stores the order; false when this modal was submitted before, and then nothing is stored. */
    boolean accept(String viewId, String slackUserId, ScheduleOrder order) {
        return requests.insertIfAbsent(viewId, slackUserId, write(order), write(ScheduleProgress.none()), clock.instant()) == 1;
    }

    void start(String viewId) {
        executor.execute(() -> {
            try {
                if (requests.claim(viewId, clock.instant()) == 1) {
                    run(viewId);
                }
            } catch (RuntimeException e) {
                LOG.warn("Scheduling request {} could not be carried out", viewId, e);
            }
        });
    }

    @EventListener
    void onStartup(StartupEvent event) {
        executor.execute(this::resumeUnfinished);
    }

    void resumeUnfinished() {
        try {
            for (ScheduleRequest request : requests.findUnfinished(startedAt)) {
                if (requests.reclaim(request.viewId(), startedAt, clock.instant()) == 1) {
                    LOG.info("Carrying on with scheduling request {} left unfinished by the last run", request.viewId());
                    run(request.viewId());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Unfinished scheduling requests could not be resumed", e);
        }
    }

    private void run(String viewId) {
        ScheduleRequest request = requests.findById(viewId).orElseThrow();
        ScheduleOrder order = read(request.plan(), ScheduleOrder.class);
        Tracker tracker = new Tracker(viewId, read(request.progress(), ScheduleProgress.class));
        try {
            create(order, tracker);
        } catch (Exception | Error failure) {
            undo(request, order, tracker.progress, failure);
            return;
        }
        String report = ScheduleReports.scheduled(order);
        requests.finish(viewId, ScheduleRequest.DONE, report, clock.instant());
        LOG.info("Scheduling request {} done: {} post(s)", viewId, tracker.progress.allPosts().size());
        replies.tell(new PrivateReplies.Recipient(request.slackUserId(), order.responseUrl(), null), report);
    }

    private void create(ScheduleOrder order, Tracker tracker) {
        for (ScheduleOrder.Target target : order.targets()) {
            String network = target.network();
            String messageId = tracker.progress.messages().get(network);
            if (messageId == null) {
                if (tracker.progress.isCalling(Call.MESSAGE, network)) {
                    LOG.warn("The {} message may have been created before the app stopped; creating it again", network);
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

    /** The progress of one request, saved to SQLite on every change. */
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
