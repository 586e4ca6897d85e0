package com.oktoslack.oktopost;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.micronaut.core.annotation.Nullable;

/** A story's ready-made text for one network; sharing a story shares one of these. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record StoryMessage(String id,
                           @Nullable String network,
                           @Nullable String message,
                           @Nullable String type,
                           @Nullable String linkUrl,
                           @Nullable String linkTitle,
                           @Nullable String description,
                           @Nullable String imageUrl) {
}
