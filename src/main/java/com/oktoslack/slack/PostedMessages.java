package com.oktoslack.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsJoinResponse;
import com.slack.api.model.Message;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds a message the app posted but never recorded (a crash or a lost answer between chat.postMessage and
 * the database), by the metadata it was posted with. The app may post to a public channel it never joined
 * ({@code chat:write.public}), and Slack shows such a channel's history only to members, so it joins first.
 */
@Singleton
public class PostedMessages {

    private static final Logger LOG = LoggerFactory.getLogger(PostedMessages.class);
    private static final int LOOK_BACK = 200;

    private final MethodsClient slack;

    PostedMessages(MethodsClient slack) {
        this.slack = slack;
    }

    /**
     * The ts of the newest message since {@code since} whose metadata has the event type and matches; empty when
     * there is none or Slack will not say (then the caller posts again, the lesser harm than losing it).
     */
    public Optional<String> find(String channel, Instant since, String eventType, Predicate<Map<String, Object>> payload)
            throws IOException, SlackApiException {
        ConversationsHistoryResponse history = history(channel, since);
        if (!history.isOk() && SlackError.of(history) instanceof SlackError.NotInChannel && join(channel)) {
            history = history(channel, since);
        }
        if (!history.isOk()) {
            LOG.warn("Cannot read the recent history of {} (Slack: {}); a message that may be there is posted again",
                    channel, history.getError());
            return Optional.empty();
        }
        if (history.getMessages() == null) {
            return Optional.empty();
        }
        return history.getMessages().stream()
                .filter(m -> m.getMetadata() != null && eventType.equals(m.getMetadata().getEventType())
                        && m.getMetadata().getEventPayload() != null && payload.test(m.getMetadata().getEventPayload()))
                .map(Message::getTs)
                .findFirst();
    }

    private ConversationsHistoryResponse history(String channel, Instant since) throws IOException, SlackApiException {
        return slack.conversationsHistory(r -> r
                .channel(channel)
                .oldest(since.getEpochSecond() + ".000000")
                .limit(LOOK_BACK)
                .includeAllMetadata(true));
    }

    private boolean join(String channel) throws IOException, SlackApiException {
        ConversationsJoinResponse joined = slack.conversationsJoin(r -> r.channel(channel));
        if (!joined.isOk()) {
            LOG.warn("Cannot join {} to read its history (Slack: {})", channel, joined.getError());
        }
        return joined.isOk();
    }
}
