package com.oktoslack.results;

import com.oktoslack.approvals.CardThreads;
import com.oktoslack.slack.SlackError;
import com.slack.api.methods.AsyncMethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * Tells a post's outcome and results: by DM to the person who made it, and in the thread of its approval
 * card when it had one. Slack errors that pass (rate limits, Slack's own trouble) throw, so the work is tried
 * again; one that will not pass (the person left, the channel is archived) is logged and the rest goes on.
 */
@Singleton
class ResultMessages {

    private static final Logger LOG = LoggerFactory.getLogger(ResultMessages.class);
    private static final long WAIT_MINUTES = 5;

    private final AsyncMethodsClient slack;
    private final CardThreads cards;

    ResultMessages(AsyncMethodsClient slack, CardThreads cards) {
        this.slack = slack;
        this.cards = cards;
    }

    /** Whether the post has an approval card whose thread can be told. */
    boolean hasCard(String postId) {
        return cards.of(postId).isPresent();
    }

    void tell(String postId, @Nullable String slackUserId, String text) throws Exception {
        if (slackUserId != null) {
            post(slackUserId, null, text);
        }
        var card = cards.of(postId);
        if (card.isPresent()) {
            post(card.get().channelId(), card.get().ts(), text);
        }
    }

    private void post(String channel, @Nullable String threadTs, String text) throws Exception {
        ChatPostMessageResponse response = slack.chatPostMessage(r -> r.channel(channel).threadTs(threadTs).text(text)
                .unfurlLinks(false).unfurlMedia(false)).get(WAIT_MINUTES, TimeUnit.MINUTES);
        if (response.isOk()) {
            return;
        }
        SlackError error = SlackError.of(response);
        if (error.permanent()) {
            LOG.warn("Could not tell a post's outcome in {}: {}", channel, error.code());
            return;
        }
        throw new IllegalStateException("Slack answered " + error.code() + " to a post's outcome; trying again later");
    }
}
