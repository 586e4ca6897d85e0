package com.oktoslack.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.util.json.GsonFactory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * A listener that throws still acks: slash commands get the reason as an ephemeral reply, button presses and
 * message shortcuts as a private reply.
 */
@Singleton
class SlackErrorMiddleware implements Middleware {

    private static final Logger LOG = LoggerFactory.getLogger(SlackErrorMiddleware.class);

    private final AfterAck afterAck;

    SlackErrorMiddleware(AfterAck afterAck) {
        this.afterAck = afterAck;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        try {
            return chain.next(req);
        } catch (Exception e) {
            String reference = UserMessages.newReference();
            LOG.warn("Slack listener failed for {} (reference {})", req.getRequestType(), reference, e);
            String message = UserMessages.describe(e, reference);
            if (req instanceof SlashCommandRequest) {
                String body = GsonFactory.createSnakeCase().toJson(Map.of("response_type", "ephemeral", "text", message));
                return Response.json(200, body);
            }
            if (req instanceof BlockActionRequest action) {
                afterAck.tell(PrivateReplies.Recipient.of(action.getPayload()), () -> message);
            } else if (req instanceof MessageShortcutRequest shortcut) {
                afterAck.tell(PrivateReplies.Recipient.of(shortcut.getPayload()), () -> message);
            }
            return Response.ok();
        }
    }
}
