package com.oktoslack.slack;

import io.micronaut.core.annotation.Nullable;

/** What the app needs to know of a Slack user. */
public record SlackUser(String id, @Nullable String email, String name, @Nullable String timeZone, boolean admin) {
}
