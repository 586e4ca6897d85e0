package com.oktoslack.digest;

import com.oktoslack.digest.DigestCards.DigestMessage;
import com.oktoslack.slack.SlackError;
import com.slack.api.methods.AsyncMethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.net.ConnectException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts a digest and says how it went: sent, surely not sent and worth another try, or failed for a
 * reason another try today would not fix. An unclear outcome (the answer got lost) counts as failed, so a
 * digest is never posted twice.
 */
@Singleton
class DigestSender {

    enum Result { SENT, RETRY, FAILED }

    record Outcome(Result result, @Nullable String error) {
        boolean sent() {
            return result == Result.SENT;
        }
    }

    /** Stored as the last error when the digest's data could not be read, or its approver is no longer linked. */
    static final String OKTOPOST_UNAVAILABLE = "oktopost_unavailable";
    static final String NOT_LINKED = "not_linked";

    private final AsyncMethodsClient slack;

    DigestSender(AsyncMethodsClient slack) {
        this.slack = slack;
    }

    /** {@code channel} is a channel id, or a user id for a direct message from the app. */
    Outcome post(String channel, DigestMessage message) {
        try {
            ChatPostMessageResponse response = slack.chatPostMessage(r -> r.channel(channel)
                    .text(message.text())
                    .blocks(message.blocks())
                    .unfurlLinks(false)
                    .unfurlMedia(false)).get(2, TimeUnit.MINUTES);
            if (response.isOk()) {
                return new Outcome(Result.SENT, null);
            }
            SlackError error = SlackError.of(response);
            boolean passes = error instanceof SlackError.RateLimited || error instanceof SlackError.Transient;
            return new Outcome(passes ? Result.RETRY : Result.FAILED, response.getError());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Result.FAILED, "interrupted");
        } catch (TimeoutException e) {
            return new Outcome(Result.FAILED, "no answer from Slack");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SlackApiException api) {
                int status = api.getResponse().code();
                String error = api.getError() != null && api.getError().getError() != null ? api.getError().getError() : "HTTP " + status;
                return new Outcome(status == 429 || status == 503 ? Result.RETRY : Result.FAILED, error);
            }
            if (cause instanceof ConnectException) {
                return new Outcome(Result.RETRY, "Slack unreachable");
            }
            return new Outcome(Result.FAILED, cause == null ? e.toString() : cause.getClass().getSimpleName());
        }
    }

    /** Words for people, for the errors a send can end with. */
    static String explain(@Nullable String error) {
        if (error == null) {
            return "Slack would not take the digest. Please try again later.";
        }
        if (error.equals(OKTOPOST_UNAVAILABLE)) {
            return "Oktopost could not be read; I'll try again in a few minutes.";
        }
        if (error.equals(NOT_LINKED)) {
            return "You are no longer linked to an Oktopost user. Run `/okto link`.";
        }
        SlackError slack = SlackError.of(error);
        if (slack instanceof SlackError.NotInChannel) {
            return "I'm not in this channel. Invite me (`/invite @Oktopost`) and try again.";
        }
        if (slack instanceof SlackError.ChannelNotFound) {
            return "I can't see this channel. If it is private, invite me first.";
        }
        if (slack instanceof SlackError.ChannelArchived) {
            return "This channel is archived.";
        }
        return "Slack would not take the digest (" + error + "). Please try again later.";
    }
}
