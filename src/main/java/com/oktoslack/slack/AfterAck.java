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

    AfterAck(@Named("after-ack") ExecutorService executor) {
        this.executor = executor;
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

    /** Computes an answer to a slash command after the ack and sends it as an ephemeral follow-up. */
    public void respond(SlashCommandContext context, Callable<String> answer) {
        run(() -> context.respond(answer.call()), message -> respondQuietly(context, message));
    }

    /** A follow-up to a slash command that, if Slack will not take it, is only logged: there is no one else to tell. */
    public static void respondQuietly(SlashCommandContext context, String message) {
        try {
            context.respond(message);
        } catch (Exception e) {
            LOG.warn("Could not send a follow-up to the slash command", e);
        }
    }
}
