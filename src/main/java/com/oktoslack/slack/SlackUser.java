package com.oktoslack.slack;

import io.micronaut.core.annotation.Nullable;

/**
 * What the app needs to know of a Slack user. {@code guest}: a multi- or single-channel guest;
 * {@code teamId}: the workspace the user belongs to (another one for a Slack Connect user).
 */
public record SlackUser(String id, @Nullable String email, String name, @Nullable String timeZone, boolean admin,
                        boolean guest, @Nullable String teamId) {
}
