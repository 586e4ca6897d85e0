package com.oktoslack.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
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
 * message shortcuts as an ephemeral follow-up through their response URL.
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
            if (req instanceof BlockActionRequest action && action.getPayload().getResponseUrl() != null) {
                tell(action.getContext()::respond, message);
            } else if (req instanceof MessageShortcutRequest shortcut && shortcut.getPayload().getResponseUrl() != null) {
                tell(shortcut.getContext()::respond, message);
            }
            return Response.ok();
        }
    }

    private void tell(Responding context, String message) {
        afterAck.run(() -> context.respond(ActionResponse.builder().responseType("ephemeral").replaceOriginal(false)
                .text(message).build()), failure -> LOG.warn("Could not tell the person about a failed listener"));
    }

    @FunctionalInterface
    private interface Responding {
        Object respond(ActionResponse response) throws Exception;
    }
}
