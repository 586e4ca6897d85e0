package com.oktoslack.oktopost;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/** The content of posts for one network: text plus a link attachment or media. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record Message(String id,
                      @Nullable String network,
                      @Nullable String message,
                      @Nullable String campaignId,
                      @Nullable String status,
                      @Nullable String createdBy,
                      @Nullable String subject,
                      @Nullable String linkUrl,
                      @Nullable String linkTitle,
                      @Nullable String description,
                      @Nullable String imageUrl,
                      @Nullable String created,
                      @Nullable String modified,
                      List<Media> media,
                      List<String> tags) {

    public Message {
        media = media == null ? List.of() : List.copyOf(media);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public @Nullable Instant createdAt() {
        return OktopostDates.parse(created);
    }
}
