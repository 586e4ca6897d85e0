package com.oktoslack.results;

import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.oktopost.PostLog;
import com.oktoslack.webhooks.WebhookEvent;
import com.oktoslack.webhooks.WebhookHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code postSent}: a post went out. For a post the app made for someone, or whose approval card it posted, the
 * post log says where it went live (or why it failed); that is told by DM and in the card's thread, once, and
 * the post's results are due {@code okto.results.after} later. Other posts cost no call. The event names its
 * post flat ({@code PostId}), nested ({@code {"Post":{"Id":…}}}), or is itself the post log (whose own Id is
 * not the post's).
 */
@Singleton
class PostSentWebhook implements WebhookHandler {

    static final String EVENT = "postSent";
    private static final Logger LOG = LoggerFactory.getLogger(PostSentWebhook.class);

    /** Oktopost said the post was sent, but its log does not show the outcome yet: the event is tried again. */
    static final class NotLoggedYet extends Exception {
        NotLoggedYet(String postId) {
            super("Post " + postId + " has no outcome in Oktopost's post log yet");
        }
    }

    private final PostResultRepository results;
    private final Oktopost oktopost;
    private final ProfileNames names;
    private final ResultMessages messages;
    private final ResultsDue due;
    private final Clock clock;

    PostSentWebhook(PostResultRepository results, Oktopost oktopost, ProfileNames names, ResultMessages messages,
                    ResultsDue due, Clock clock) {
        this.results = results;
        this.oktopost = oktopost;
        this.names = names;
        this.messages = messages;
        this.due = due;
        this.clock = clock;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(EVENT);
    }

    @Override
    public void handle(List<WebhookEvent> events) throws Exception {
        Set<String> postIds = new LinkedHashSet<>();
        for (WebhookEvent event : events) {
            Optional<String> postId = postId(event);
            if (postId.isEmpty()) {
                LOG.warn("A {} event (inbox {}) names no post; it is ignored", EVENT, event.inboxId());
            } else {
                postIds.add(postId.get());
            }
        }
        Exception first = null;
        for (String postId : postIds) {
            try {
                settleAndTell(postId);
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void settleAndTell(String postId) throws Exception {
        Optional<PostResult> known = results.findById(postId);
        if (known.isEmpty()) {
            if (!messages.hasCard(postId)) {
                return;
            }
            results.insertIfAbsent(postId, null, PostResult.CARDED, false, clock.instant());
            known = results.findById(postId);
        }
        PostResult result = known.orElseThrow();
        if (result.settled() && result.told()) {
            return;
        }
        if (!result.settled()) {
            List<PostLog> decided = oktopost.postLogs(postId).stream().filter(log -> !log.undecided()).toList();
            if (decided.isEmpty()) {
                throw new NotLoggedYet(postId);
            }
            String slackUserId = result.slackUserId();
            Outcome outcome = Outcome.of(decided, credentialId -> names.of(credentialId, slackUserId).orElse(null));
            Instant now = clock.instant();
            results.settle(postId, outcome.status(), outcome.text(), outcome.remoteUrl(), outcome.label(),
                    outcome.reason(), now, now);
            result = results.findById(postId).orElseThrow();
            if (result.told()) {
                return;
            }
        }
        if (PostResult.LIVE.equals(result.status()) && result.sentAt() != null) {
            // Before telling, so a crash in between leaves the results due all the same; scheduling is once per post.
            due.schedule(postId, result.sentAt());
        }
        messages.tell(postId, result.slackUserId(), result.outcome());
        results.markTold(postId, true, clock.instant());
    }

    /** The post's id: PostId first, since an event that is the post log has an Id of its own. */
    static Optional<String> postId(WebhookEvent event) {
        return event.field("PostId")
                .or(() -> event.objectId("Post"))
                .or(() -> event.fieldAnywhere("PostId"))
                .or(event::ownId)
                .or(() -> event.field("EntityId"));
    }
}
