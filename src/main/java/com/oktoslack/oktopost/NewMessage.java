package com.oktoslack.oktopost;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * A message to create. A link attachment needs all four of linkUrl, linkTitle, description and imageUrl;
 * {@code media} is comma-separated media ids and excludes a link attachment; {@code title} is a YouTube video's.
 */
public record NewMessage(String network,
                         String campaignId,
                         String message,
                         @Nullable String linkUrl,
                         @Nullable String linkTitle,
                         @Nullable String description,
                         @Nullable String imageUrl,
                         @Nullable String media,
                         @Nullable String title) {

    public static NewMessage text(String network, String campaignId, String message) {
        return new NewMessage(network, campaignId, message, null, null, null, null, null, null);
    }

    public NewMessage withLink(String url, String title, String linkDescription, String image) {
        return new NewMessage(network, campaignId, message, url, title, linkDescription, image, media, this.title);
    }

    /** With these media (none: unchanged) and, for YouTube, the video's title. */
    public NewMessage withMedia(List<String> mediaIds, @Nullable String videoTitle) {
        if (mediaIds.isEmpty()) {
            return this;
        }
        return new NewMessage(network, campaignId, message, linkUrl, linkTitle, description, imageUrl,
                String.join(",", mediaIds), videoTitle);
    }
}
