package com.oktoslack.stories;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/** Confirmations and problems after a modal has closed go to the person's DM with the app. */
@Singleton
class DirectMessages {

    private static final Logger LOG = LoggerFactory.getLogger(DirectMessages.class);

    private final MethodsClient slack;

    DirectMessages(MethodsClient slack) {
        this.slack = slack;
    }

    void send(String slackUserId, String mrkdwn) throws IOException, SlackApiException {
        ChatPostMessageResponse response = slack.chatPostMessage(r -> r.channel(slackUserId).text(mrkdwn).unfurlLinks(false));
        if (!response.isOk()) {
            LOG.warn("Could not send a direct message to {}: {}", slackUserId, response.getError());
        }
    }

    void sendQuietly(String slackUserId, String mrkdwn) {
        try {
            send(slackUserId, mrkdwn);
        } catch (IOException | SlackApiException | RuntimeException e) {
            LOG.warn("Could not send a direct message to {}", slackUserId, e);
        }
    }
}
