package com.oktoslack.oktopost;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.micronaut.core.annotation.Nullable;

/** A connected social profile, page or group that posts can go out to. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record Credential(String id,
                         @Nullable String name,
                         @Nullable String displayName,
                         @Nullable String status,
                         @Nullable String network,
                         @Nullable String networkUsername) {

    public boolean isValid() {
        return status == null || "valid".equalsIgnoreCase(status);
    }
}
