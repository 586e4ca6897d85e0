package com.oktoslack.access;

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
import com.slack.api.methods.MethodsClient;
import com.slack.api.util.json.GsonFactory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;

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
    private final MethodsClient slack;
    private final ExecutorService executor;

    OutsiderGate(Audience audience, MethodsClient slack, @Named("after-ack") ExecutorService executor) {
        this.audience = audience;
        this.slack = slack;
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
        Optional<String> refusal = audience.outsider(userId);
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
            executor.execute(() -> tell(() -> action.getContext().respond(text), userId, text));
        } else if (req instanceof MessageShortcutRequest shortcut) {
            executor.execute(() -> tell(() -> shortcut.getContext().respond(text), userId, text));
        } else if (req.getRequestType() != RequestType.Event) {
            executor.execute(() -> tell(null, userId, text));
        }
        return Response.ok();
    }

    private interface Reply {
        void send() throws Exception;
    }

    /** Where the request came with a response_url, there; else a DM. */
    private void tell(Reply reply, String userId, String text) {
        try {
            if (reply != null) {
                reply.send();
                return;
            }
            slack.chatPostMessage(r -> r.channel(userId).text(text));
        } catch (Exception e) {
            LOG.info("Could not tell {} why they were refused: {}", userId, e.toString());
        }
    }
}
