package com.oktoslack.oktopost;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.micronaut.core.annotation.Nullable;

/** An Oktopost user (someone who logs into the platform). Role is admin, publisher, contributor or read. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record User(String id,
                   String name,
                   @Nullable String email,
                   @Nullable String role,
                   @Nullable String timezone) {
}
