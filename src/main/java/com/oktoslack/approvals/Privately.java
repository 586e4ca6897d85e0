package com.oktoslack.approvals;

import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells one person something only they see: through the click's response_url, or as an ephemeral message. */
@Singleton
class Privately {

    private static final Logger LOG = LoggerFactory.getLogger(Privately.class);

    private final MethodsClient slack;

    Privately(MethodsClient slack) {
        this.slack = slack;
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
