package com.oktoslack.approvals;

import com.oktoslack.slack.AfterAck;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Callable;

/** Tells one person something only they see: through the click's response_url, or as an ephemeral message. */
@Singleton
class Privately {

    private static final Logger LOG = LoggerFactory.getLogger(Privately.class);

    private final MethodsClient slack;
    private final AfterAck afterAck;

    Privately(MethodsClient slack, AfterAck afterAck) {
        this.slack = slack;
        this.afterAck = afterAck;
    }

    /** After the ack, works out the answer to a click and tells it (null: nothing to say); a failure is told too. */
    void tellAfterAck(ActionContext context, Callable<String> answer) {
        afterAck.run(() -> {
            String text = answer.call();
            if (text != null) {
                tell(context, text);
            }
        }, message -> tell(context, message));
    }

    /** After a button click; never replaces the card. */
    void tell(ActionContext context, String text) {
        try {
            context.respond(ActionResponse.builder().responseType("ephemeral").replaceOriginal(false).text(text).build());
        } catch (Exception e) {
            LOG.warn("Could not answer a click privately", e);
        }
    }

    /** In the channel the person acted from, else in their DM with the app. */
    void tell(@Nullable String channelId, String slackUserId, String text) {
        try {
            if (channelId != null) {
                ChatPostEphemeralResponse response = slack.chatPostEphemeral(r -> r.channel(channelId).user(slackUserId).text(text));
                if (response.isOk()) {
                    return;
                }
                LOG.info("Could not tell {} in {} ({}); sending a DM", slackUserId, channelId, response.getError());
            }
            slack.chatPostMessage(r -> r.channel(slackUserId).text(text));
        } catch (Exception e) {
            LOG.warn("Could not tell {} privately", slackUserId, e);
        }
    }
}
