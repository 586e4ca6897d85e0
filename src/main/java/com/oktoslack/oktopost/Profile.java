package com.oktoslack.oktopost;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.micronaut.core.annotation.Nullable;

/** An advocate's own connected social profile; its id is a credential id usable for posts. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record Profile(String id,
                      @Nullable String name,
                      @Nullable String status,
                      @Nullable String network,
                      @Nullable String networkUsername) {

    public boolean isValid() {
        return "valid".equalsIgnoreCase(status);
    }
}
