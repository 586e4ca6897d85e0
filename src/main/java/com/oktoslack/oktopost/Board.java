package com.oktoslack.oktopost;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.micronaut.core.annotation.Nullable;

/** An employee advocacy board. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record Board(String id, String name, @Nullable String status, @Nullable String created) {

    /** Oktopost lists archived boards too; a board without a status is taken as active. */
    public boolean isActive() {
        return status == null || status.isBlank() || "active".equalsIgnoreCase(status);
    }
}
