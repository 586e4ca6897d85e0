package com.oktoslack.oktopost;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.micronaut.core.annotation.Nullable;

import java.util.Locale;
import java.util.Set;

/**
 * A social post: what became of a post on one profile once it was sent ({@code GET /postlog?postId=}). The
 * reference shows {@code Status} {@code success} with the {@code RemoteUrl} on the network, and an {@code Error}
 * that is empty then; it names no failed status, so a post is failed when it has an error or a status that says
 * so, and sent when it succeeded or has a link and no error.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record PostLog(@Nullable String id,
                      @Nullable String postId,
                      @Nullable String messageId,
                      @Nullable String credentialId,
                      @Nullable String status,
                      @Nullable String network,
                      @Nullable String remoteUrl,
                      @Nullable String error,
                      @Nullable String created) {

    private static final Set<String> SENT = Set.of("success", "sent", "complete", "published");
    private static final Set<String> FAILED = Set.of("error", "failed", "failure", "fail", "incomplete");

    public boolean failed() {
        return hasText(error) || FAILED.contains(statusKey());
    }

    public boolean sent() {
        return !failed() && (SENT.contains(statusKey()) || hasText(remoteUrl));
    }

    /** Neither sent nor failed yet. */
    public boolean undecided() {
        return !failed() && !sent();
    }

    private String statusKey() {
        return status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean hasText(@Nullable String text) {
        return text != null && !text.isBlank();
    }
}
