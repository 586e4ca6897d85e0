package com.oktoslack.oktopost;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A message scheduled to one social profile at one time. Status is one of pending, inqueue, inqueue-draft,
 * draft, complete, incomplete, error. {@code credentials} is the profile id (comma-separated if several).
 * {@code clicks}, {@code comments} and {@code likes} are the engagement every list item carries; the full
 * stats are {@link PostStats}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record Post(String id,
                   @Nullable String status,
                   @Nullable String network,
                   @Nullable String messageId,
                   @Nullable String campaignId,
                   @Nullable String createdBy,
                   @Nullable String source,
                   @Nullable String credentials,
                   @Nullable String startDateTime,
                   @Nullable String created,
                   @Nullable String modified,
                   @Nullable Integer clicks,
                   @Nullable Integer comments,
                   @Nullable Integer likes) {

    public @Nullable Instant startAt() {
        return OktopostDates.parse(startDateTime);
    }

    public @Nullable Instant createdAt() {
        return OktopostDates.parse(created);
    }

    /** Clicks, comments and likes together, what a list read says of how a sent post did. */
    public int engagement() {
        return Math.max(0, clicks == null ? 0 : clicks) + Math.max(0, comments == null ? 0 : comments)
                + Math.max(0, likes == null ? 0 : likes);
    }

    public List<String> credentialIds() {
        if (credentials == null || credentials.isBlank()) {
            return List.of();
        }
        return Arrays.stream(credentials.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
