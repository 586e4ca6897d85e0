package com.oktoslack.slack;

import com.slack.api.methods.SlackApiResponse;
import com.slack.api.methods.SlackApiTextResponse;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An error a Slack Web API call answered with, as the kinds the app acts on: features decide on the type, not on
 * Slack's error strings. {@link #permanent()} says trying again will not cure it (the work is given up, with the
 * reason); {@link RateLimited}, {@link Transient} and {@link Unknown} may pass.
 */
public sealed interface SlackError {

    /** Slack's own error code, for logs and stored reasons. */
    String code();

    /** Trying again will not cure it. */
    default boolean permanent() {
        return this instanceof ChannelArchived || this instanceof NotInChannel || this instanceof ChannelNotFound
                || this instanceof MessageNotFound || this instanceof GiveUp;
    }

    /** Slack asked to slow down; {@code retryAfter} is its Retry-After, one second when it sent none. */
    record RateLimited(String code, Duration retryAfter) implements SlackError {
    }

    record ChannelArchived(String code) implements SlackError {
    }

    /** The app is not a member of the channel (it can join a public one). */
    record NotInChannel(String code) implements SlackError {
    }

    /** No such channel, or a private one the app is not in. */
    record ChannelNotFound(String code) implements SlackError {
    }

    record MessageNotFound(String code) implements SlackError {
    }

    /** Any other error that trying again will not cure: refused content, permissions, gone users. */
    record GiveUp(String code) implements SlackError {
    }

    /** A trouble Slack reports on its own side (an internal error, a timeout): it passes. */
    record Transient(String code) implements SlackError {
    }

    /** An error the app does not know; not given up on, but not known to pass either. */
    record Unknown(String code) implements SlackError {
    }

    Set<String> GIVE_UP = Set.of("restricted_action", "no_permission", "invalid_blocks", "msg_too_long",
            "user_not_found", "cannot_dm_bot", "user_disabled", "team_access_not_granted", "ekm_access_denied",
            "cant_update_message", "edit_window_closed");

    Set<String> TRANSIENT = Set.of("internal_error", "fatal_error", "service_unavailable", "request_timeout");

    /** The kind of {@code code}; a missing code reads as unknown. */
    static SlackError of(@Nullable String code) {
        return of(code, null);
    }

    /** The kind of the error in a response that is not ok, with the Retry-After it came with. */
    static SlackError of(SlackApiTextResponse response) {
        return of(response.getError(), retryAfterHeader(response));
    }

    private static SlackError of(@Nullable String code, @Nullable String retryAfter) {
        if (code == null) {
            return new Unknown("unknown");
        }
        return switch (code) {
            case "ratelimited", "rate_limited" -> new RateLimited(code, SlackRetryAfter.retryAfter(retryAfter));
            case "is_archived" -> new ChannelArchived(code);
            case "not_in_channel" -> new NotInChannel(code);
            case "channel_not_found" -> new ChannelNotFound(code);
            case "message_not_found" -> new MessageNotFound(code);
            default -> GIVE_UP.contains(code) ? new GiveUp(code)
                    : TRANSIENT.contains(code) ? new Transient(code) : new Unknown(code);
        };
    }

    private static String retryAfterHeader(SlackApiResponse response) {
        Map<String, List<String>> headers = response.getHttpResponseHeaders();
        if (headers == null) {
            return null;
        }
        return headers.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase("Retry-After"))
                .flatMap(e -> e.getValue().stream())
                .findFirst().orElse(null);
    }
}
