package com.oktoslack.slack;

import java.util.Set;

/** Slack's errors that trying again will not cure: the message is given up, with the reason. */
public final class SlackErrors {

    private static final Set<String> PERMANENT = Set.of("channel_not_found", "is_archived", "not_in_channel",
            "restricted_action", "no_permission", "invalid_blocks", "msg_too_long", "user_not_found",
            "cannot_dm_bot", "user_disabled", "team_access_not_granted", "ekm_access_denied", "message_not_found",
            "cant_update_message", "edit_window_closed");

    private SlackErrors() {
    }

    public static boolean isPermanent(String error) {
        return error != null && PERMANENT.contains(error);
    }
}
