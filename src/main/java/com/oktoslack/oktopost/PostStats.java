package com.oktoslack.oktopost;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.micronaut.core.annotation.Nullable;

/**
 * How a sent post did ({@code GET /post/{id}?stats=1}). Oktopost answers -1 for a metric the network or profile
 * does not offer; a missing one is null. Both mean "not available", not zero.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record PostStats(@Nullable Integer linkClicks,
                        @Nullable Integer comments,
                        @Nullable Integer likes,
                        @Nullable Integer shares,
                        @Nullable Integer impressionsAdded) {

    public static boolean available(@Nullable Integer metric) {
        return metric != null && metric >= 0;
    }
}
