package com.oktoslack.approvals;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * What an item is, as the card shows it: kind (post, message or story), where it goes, its text and link or
 * image, campaign, author and scheduled time. Kept with the item so cards render without calling Oktopost.
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
                   @Nullable String openUrl) {

    /** "LinkedIn post", "Twitter message", "story". */
    String what() {
        String network = this.network == null || this.network.isBlank() ? "" : this.network.strip() + " ";
        return "story".equals(kind) ? "story" : network + kind;
    }
}
