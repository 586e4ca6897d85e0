package com.oktoslack.access;

import com.oktoslack.slack.PrivateReplies;
import com.oktoslack.slack.SlackListener;
import com.slack.api.bolt.App;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.BlockSuggestionRequest;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.util.json.GsonFactory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every command, shortcut, button, form and event from a Slack guest or a user of another workspace stops
 * here with a polite refusal, before any feature sees it.
 */
@Singleton
class OutsiderGate implements SlackListener, Middleware {

    private static final Logger LOG = LoggerFactory.getLogger(OutsiderGate.class);
    private static final Set<RequestType> UNGATED = Set.of(RequestType.UrlVerification, RequestType.SSLCheck,
            RequestType.OAuthStart, RequestType.OAuthCallback);

    private final Audience audience;
    private final PrivateReplies replies;
    /**
     * How long the ack may wait for Slack to describe the person (users.info, cached afterwards). Slack wants its
     * ack within 3 s, and a 429's Retry-After can hold a Slack call far longer.
     */
    private static final long LOOKUP_AT_MOST_MILLIS = 1500;

    private final ExecutorService executor;
    private final ExecutorService lookups = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "outsider-lookup");
        thread.setDaemon(true);
        return thread;
    });

    OutsiderGate(Audience audience, PrivateReplies replies, @Named("after-ack") ExecutorService executor) {
        this.audience = audience;
        this.replies = replies;
        this.executor = executor;
    }

    @Override
    public void register(App app) {
        app.use(this);
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        String userId = req.getContext() == null ? null : req.getContext().getRequestUserId();
        if (userId == null || UNGATED.contains(req.getRequestType())) {
            return chain.next(req);
        }
        Optional<String> refusal = outsiderWithinAckTime(userId);
        if (refusal.isEmpty()) {
            return chain.next(req);
        }
        LOG.info("Refused a {} from {}: a guest or a user of another workspace", req.getRequestType(), userId);
        String text = refusal.get();
        if (req instanceof SlashCommandRequest) {
            return Response.json(200, GsonFactory.createSnakeCase().toJson(Map.of("response_type", "ephemeral", "text", text)));
        }
        if (req instanceof BlockSuggestionRequest) {
            return Response.json(200, "{\"options\":[]}");
        }
        if (req instanceof BlockActionRequest action) {
            executor.execute(() -> replies.tell(PrivateReplies.Recipient.of(action.getPayload()), text));
        } else if (req instanceof MessageShortcutRequest shortcut) {
            executor.execute(() -> replies.tell(PrivateReplies.Recipient.of(shortcut.getPayload()), text));
        } else if (req.getRequestType() != RequestType.Event) {
            executor.execute(() -> replies.tell(PrivateReplies.Recipient.direct(userId), text));
        }
        return Response.ok();
    }

    /** A lookup that takes too long lets the request through: the features still check the person's link. */
    private Optional<String> outsiderWithinAckTime(String userId) {
        Future<Optional<String>> lookup = lookups.submit(() -> audience.outsider(userId));
        try {
            return lookup.get(LOOKUP_AT_MOST_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.info("Slack took too long to describe {}; the request goes on to the features' own checks", userId);
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
