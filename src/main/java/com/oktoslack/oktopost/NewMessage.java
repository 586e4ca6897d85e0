package com.oktoslack.oktopost;

import io.micronaut.core.annotation.Nullable;

/**
 * A message to create. A link attachment needs all four of linkUrl, linkTitle, description and imageUrl;
 * {@code media} is a media id and excludes a link attachment.
 */
public record NewMessage(String network,
                         String campaignId,
                         String message,
                         @Nullable String linkUrl,
                         @Nullable String linkTitle,
                         @Nullable String description,
                         @Nullable String imageUrl,
                         @Nullable String media) {

    public static NewMessage text(String network, String campaignId, String message) {
        return new NewMessage(network, campaignId, message, null, null, null, null, null);
    }

    public NewMessage withLink(String url, String title, String linkDescription, String image) {
        return new NewMessage(network, campaignId, message, url, title, linkDescription, image, media);
    }
}
