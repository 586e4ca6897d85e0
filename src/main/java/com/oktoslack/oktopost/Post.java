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
                   @Nullable String modified) {

    public @Nullable Instant startAt() {
        return OktopostDates.parse(startDateTime);
    }

    public @Nullable Instant createdAt() {
        return OktopostDates.parse(created);
    }

    public List<String> credentialIds() {
        if (credentials == null || credentials.isBlank()) {
            return List.of();
        }
        return Arrays.stream(credentials.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
