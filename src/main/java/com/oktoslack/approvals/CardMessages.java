package com.oktoslack.approvals;

import com.oktoslack.reminders.Urgency;
import com.oktoslack.slack.PostedMessages;
import com.oktoslack.slack.SlackError;
import com.slack.api.methods.AsyncMethodsClient;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.model.Message;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Slack side of cards: post, update, reply in a thread, and find a card a crash left unrecorded (by the
 * metadata every card carries). Posting and updating go through the SDK's rate-limited client, which paces
 * each channel to what Slack allows instead of failing a burst.
 */
@Singleton
class CardMessages {

    static final String METADATA_EVENT = "okto_approval_card";
    private static final long WAIT_MINUTES = 5;
    private static final Logger LOG = LoggerFactory.getLogger(CardMessages.class);

    /** Slack's answer: ok with channel and ts, or the error. */
    record Answer(boolean ok, String channel, String ts, String error) {
        boolean permanent() {
            return !ok && SlackError.of(error).permanent();
        }
    }

    private final AsyncMethodsClient async;
    private final MethodsClient slack;
    private final PostedMessages posted;
    private final Urgency urgency;

    CardMessages(AsyncMethodsClient async, MethodsClient slack, PostedMessages posted, Urgency urgency) {
        this.async = async;
        this.slack = slack;
        this.posted = posted;
        this.urgency = urgency;
    }

    /** Posts the card; an exception means Slack's answer is unknown (it may have posted). */
    Answer post(ApprovalCard card, CardState state) throws InterruptedException, ExecutionException, TimeoutException {
        ChatPostMessageResponse response = async.chatPostMessage(r -> r
                .channel(card.destination())
                .text(ApprovalCards.text(state))
                .blocks(urgency.marked(ApprovalCards.card(state), state.isPending(), state.content().scheduledAt()))
                .metadata(Message.Metadata.builder().eventType(METADATA_EVENT)
                        .eventPayload(Map.of("entity_id", state.entityId(), "round", state.round())).build())
                .unfurlLinks(false)
                .unfurlMedia(false)).get(WAIT_MINUTES, TimeUnit.MINUTES);
        return new Answer(response.isOk(), response.getChannel(), response.getTs(), response.getError());
    }

    Answer update(ApprovalCard card, CardState state) throws InterruptedException, ExecutionException, TimeoutException {
        ChatUpdateResponse response = async.chatUpdate(r -> r
                .channel(card.channelId())
                .ts(card.ts())
                .text(ApprovalCards.text(state))
                .blocks(urgency.marked(ApprovalCards.card(state), state.isPending(), state.content().scheduledAt()))).get(WAIT_MINUTES, TimeUnit.MINUTES);
        return new Answer(response.isOk(), response.getChannel(), response.getTs(), response.getError());
    }

    /** A reply in the thread of a posted card, or a DM when {@code threadTs} is null. */
    Answer reply(String channel, String threadTs, String text) throws InterruptedException, ExecutionException, TimeoutException {
        ChatPostMessageResponse response = async.chatPostMessage(r -> r.channel(channel).threadTs(threadTs).text(text))
                .get(WAIT_MINUTES, TimeUnit.MINUTES);
        return new Answer(response.isOk(), response.getChannel(), response.getTs(), response.getError());
    }

    /**
     * The card if Slack has it although it was never recorded (posting was interrupted): the channel and ts.
     * Empty when it is not there, or Slack will not say: then it is posted again.
     */
    Optional<Answer> findPosted(ApprovalCard card) throws IOException, SlackApiException {
        String channel = card.destination();
        if (card.isDm()) {
            ConversationsOpenResponse open = slack.conversationsOpen(r -> r.users(List.of(card.destination())));
            if (!open.isOk() || open.getChannel() == null) {
                LOG.warn("Cannot open the DM with {} to look for card {}: {}", card.destination(), card.id(), open.getError());
                return Optional.empty();
            }
            channel = open.getChannel().getId();
        }
        Instant since = (card.attemptedAt() == null ? card.createdAt() : card.attemptedAt()).minus(Duration.ofMinutes(1));
        String conversation = channel;
        return posted.find(conversation, since, METADATA_EVENT, payload -> isCardOf(payload, card))
                .map(ts -> new Answer(true, conversation, ts, null));
    }

    private static boolean isCardOf(Map<String, Object> payload, ApprovalCard card) {
        Object entity = payload.get("entity_id");
        Object round = payload.get("round");
        return card.entityId().equals(String.valueOf(entity)) && round != null
                && Math.round(Double.parseDouble(String.valueOf(round))) == card.round();
    }
}
