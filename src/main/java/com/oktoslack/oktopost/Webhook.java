package com.oktoslack.oktopost;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.micronaut.core.annotation.Nullable;

/** A webhook in Oktopost. {@code secret} is only ever returned when the webhook is created. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record Webhook(String id,
                      @Nullable String name,
                      @Nullable String description,
                      @Nullable String event,
                      @Nullable String url,
                      @Nullable String secret,
                      @JsonProperty("IsEnabled") boolean enabled,
                      @Nullable String lastExecutionDate) {

    @Override
    public String toString() {
        return "Webhook[id=" + id + ", event=" + event + ", url=" + url + ", enabled=" + enabled + "]";
    }
}
