package com.oktoslack.approvals;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * What an item is, as the card shows it: kind (post, message or story), where it goes, its text and link or
 * image, campaign, author and scheduled time. Kept with the item so cards render without calling Oktopost.
 * {@code unavailable} says why there is no content, when Oktopost said there is none to show; null otherwise.
 */
record CardContent(String kind,
                   @Nullable String network,
                   @Nullable String profile,
                   @Nullable String text,
                   @Nullable String linkUrl,
                   @Nullable String linkTitle,
                   @Nullable String imageUrl,
                   @Nullable String campaign,
                   @Nullable String authorName,
                   @Nullable Instant scheduledAt,
                   @Nullable String openUrl,
                   @Nullable String unavailable) {

    /** Oktopost answers 404 both for what does not exist and for what the API user may not see. */
    static final String NOT_FOUND = "Oktopost did not find it, or it is not visible to the API user";
    static final String GONE = "it was deleted in Oktopost";

    CardContent(String kind, @Nullable String network, @Nullable String profile, @Nullable String text,
                @Nullable String linkUrl, @Nullable String linkTitle, @Nullable String imageUrl,
                @Nullable String campaign, @Nullable String authorName, @Nullable Instant scheduledAt,
                @Nullable String openUrl) {
        this(kind, network, profile, text, linkUrl, linkTitle, imageUrl, campaign, authorName, scheduledAt, openUrl, null);
    }

    /** Nothing to show but what the item says, for the reason Oktopost gave. */
    static CardContent unavailable(String kind, @Nullable String network, @Nullable String authorName,
                                   @Nullable String openUrl, String reason) {
        return new CardContent(kind, network, null, null, null, null, null, null, authorName, null, openUrl, reason);
    }

    /** The same content with the reason it cannot be shown. */
    CardContent withUnavailable(String reason) {
        return new CardContent(kind, network, profile, text, linkUrl, linkTitle, imageUrl, campaign, authorName,
                scheduledAt, openUrl, reason);
    }

    /** "LinkedIn post", "Twitter message", "story". */
    String what() {
        String network = this.network == null || this.network.isBlank() ? "" : this.network.strip() + " ";
        return "story".equals(kind) ? "story" : network + kind;
    }
}
