package com.oktoslack.slack;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Slack credentials and endpoints. {@code appToken} switches on Socket Mode; {@code approvalsChannel}
 * receives approval cards for workflows that have no route of their own.
 */
@ConfigurationProperties("slack")
public record SlackSettings(String botToken,
                            String signingSecret,
                            @Nullable String appToken,
                            String apiUrl,
                            @Nullable String approvalsChannel) {

    public boolean socketMode() {
        return appToken != null && !appToken.isBlank();
    }

    public boolean hasApprovalsChannel() {
        return approvalsChannel != null && !approvalsChannel.isBlank();
    }

    /** Without the token and secrets, so the settings can be logged. */
    @Override
    public String toString() {
        return "SlackSettings[botToken=***, signingSecret=***, appToken=" + (socketMode() ? "***" : "none") + ", apiUrl="
                + apiUrl + ", approvalsChannel=" + approvalsChannel + "]";
    }
}
