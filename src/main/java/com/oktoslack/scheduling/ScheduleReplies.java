package com.oktoslack.scheduling;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.util.Responder;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.webhook.WebhookResponse;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * Tells the person how their request ended, in the conversation they started from (through its response URL,
 * which lasts 30 minutes) or else in a direct message.
 */
@Singleton
class ScheduleReplies {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleReplies.class);

    private final MethodsClient slack;
    private final Slack sdk;

    ScheduleReplies(MethodsClient slack, Slack sdk) {
        this.slack = slack;
        this.sdk = sdk;
    }

    void tell(String slackUserId, @Nullable String responseUrl, String text) {
        if (responseUrl != null && sendTo(responseUrl, text)) {
            return;
        }
        try {
            ChatPostMessageResponse response = slack.chatPostMessage(r -> r.channel(slackUserId).text(text));
            if (!response.isOk()) {
                LOG.warn("Could not send the scheduling outcome to {}: {}", slackUserId, response.getError());
            }
        } catch (IOException | SlackApiException e) {
            LOG.warn("Could not send the scheduling outcome to {}", slackUserId, e);
        }
    }

    /** Response URLs last 30 minutes; false when this one no longer works. */
    private boolean sendTo(String responseUrl, String text) {
        try {
            WebhookResponse response = new Responder(sdk, responseUrl).send(ActionResponse.builder()
                    .responseType("ephemeral").replaceOriginal(false).text(text).build());
            if (response.getCode() == 200) {
                return true;
            }
            LOG.info("A response URL answered {}; sending a direct message instead", response.getCode());
        } catch (IOException e) {
            LOG.info("A response URL failed; sending a direct message instead", e);
        }
        return false;
    }
}
