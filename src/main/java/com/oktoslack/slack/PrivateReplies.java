package com.oktoslack.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.util.Responder;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.webhook.WebhookResponse;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells one person something only they see. Everywhere the same order: an ephemeral reply through the
 * response URL the person's action came with (it lasts 30 minutes), else an ephemeral message in the channel
 * they acted in, else a direct message from the app. Never throws: a reply that cannot be delivered is logged.
 */
@Singleton
public class PrivateReplies {

    private static final Logger LOG = LoggerFactory.getLogger(PrivateReplies.class);

    /** Where one person can be reached privately; the response URL and channel are tried before their DM. */
    public record Recipient(String slackUserId, @Nullable String responseUrl, @Nullable String channelId) {

        /** Only a direct message reaches them: for what is told after a modal has closed. */
        public static Recipient direct(String slackUserId) {
            return new Recipient(slackUserId, null, null);
        }

        public static Recipient of(BlockActionPayload payload) {
            String channelId = payload.getChannel() != null ? payload.getChannel().getId()
                    : payload.getContainer() == null ? null : payload.getContainer().getChannelId();
            return new Recipient(payload.getUser().getId(), payload.getResponseUrl(), channelId);
        }

        public static Recipient of(MessageShortcutPayload payload) {
            return new Recipient(payload.getUser().getId(), payload.getResponseUrl(),
                    payload.getChannel() == null ? null : payload.getChannel().getId());
        }

        public static Recipient of(SlashCommandContext context) {
            return new Recipient(context.getRequestUserId(), context.getResponseUrl(), context.getChannelId());
        }
    }

    private final MethodsClient slack;
    private final Slack sdk;

    PrivateReplies(MethodsClient slack, Slack sdk) {
        this.slack = slack;
        this.sdk = sdk;
    }

    public void tell(Recipient to, String text) {
        if (to.responseUrl() != null && throughResponseUrl(to.responseUrl(), text)) {
            return;
        }
        if (to.channelId() != null && inChannel(to, text)) {
            return;
        }
        directMessage(to.slackUserId(), text);
    }

    /** False when the URL has expired or Slack refused it. */
    private boolean throughResponseUrl(String responseUrl, String text) {
        try {
            WebhookResponse response = new Responder(sdk, responseUrl).send(ActionResponse.builder()
                    .responseType("ephemeral").replaceOriginal(false).text(text).build());
            if (response.getCode() == 200) {
                return true;
            }
            LOG.info("A response URL answered {}; trying the channel or a direct message", response.getCode());
        } catch (Exception e) {
            LOG.info("A response URL failed ({}); trying the channel or a direct message", e.toString());
        }
        return false;
    }

    private boolean inChannel(Recipient to, String text) {
        try {
            ChatPostEphemeralResponse response = slack.chatPostEphemeral(r -> r.channel(to.channelId())
                    .user(to.slackUserId()).text(text));
            if (response.isOk()) {
                return true;
            }
            LOG.info("Could not tell {} in {} ({}); sending a direct message", to.slackUserId(), to.channelId(),
                    response.getError());
        } catch (Exception e) {
            LOG.info("Could not tell {} in {} ({}); sending a direct message", to.slackUserId(), to.channelId(),
                    e.toString());
        }
        return false;
    }

    private void directMessage(String slackUserId, String text) {
        try {
            ChatPostMessageResponse response = slack.chatPostMessage(r -> r.channel(slackUserId).text(text)
                    .unfurlLinks(false));
            if (!response.isOk()) {
                LOG.warn("Could not send a direct message to {}: {}", slackUserId, response.getError());
            }
        } catch (Exception e) {
            LOG.warn("Could not send a direct message to {}", slackUserId, e);
        }
    }
}
