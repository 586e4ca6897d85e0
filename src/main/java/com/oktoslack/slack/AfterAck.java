package com.oktoslack.slack;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * Runs the slow part of a Slack interaction after the ack has gone back. Failures are logged once and
 * told to the user through {@link UserMessages}.
 */
@Singleton
public class AfterAck {

    private static final Logger LOG = LoggerFactory.getLogger(AfterAck.class);

    /** Work that may throw. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    private final ExecutorService executor;
    private final PrivateReplies replies;

    AfterAck(@Named("after-ack") ExecutorService executor, PrivateReplies replies) {
        this.executor = executor;
        this.replies = replies;
    }

    /** Runs {@code work}; on failure, {@code tellUser} gets the message for the user. */
    public void run(Work work, Consumer<String> tellUser) {
        executor.execute(() -> {
            try {
                work.run();
            } catch (Exception | Error e) {
                String reference = UserMessages.newReference();
                LOG.warn("After-ack work failed (reference {})", reference, e);
                try {
                    tellUser.accept(UserMessages.describe(e, reference));
                } catch (Exception reportFailure) {
                    LOG.warn("Could not tell the user about failure {}", reference, reportFailure);
                }
            }
        });
    }

    /** Runs {@code work}; a failure is told privately to {@code failuresTo}. */
    public void run(Work work, PrivateReplies.Recipient failuresTo) {
        run(work, message -> replies.tell(failuresTo, message));
    }

    /** Works out an answer after the ack and tells it privately (null: nothing to say); a failure is told too. */
    public void tell(PrivateReplies.Recipient to, Callable<String> answer) {
        run(() -> {
            String text = answer.call();
            if (text != null) {
                replies.tell(to, text);
            }
        }, to);
    }

    /** Computes an answer to a slash command after the ack and tells it privately. */
    public void respond(SlashCommandContext context, Callable<String> answer) {
        tell(PrivateReplies.Recipient.of(context), answer);
    }
}
