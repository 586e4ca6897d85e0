package com.oktoslack.oktopost;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.micronaut.core.annotation.Nullable;

/**
 * One delivery attempt in a webhook's log ({@code GET /webhook-log/{webhookId}}): the payload sent and the
 * HTTP status the receiver answered. {@code ResponseCode} may come as a number or a string, and
 * {@code Payload} as JSON or as the JSON text.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record WebhookLogEntry(@Nullable String id,
                              @Nullable String webhookPayloadId,
                              @Nullable String created,
                              @Nullable String responseCode,
                              @Nullable JsonNode payload) {

    /** Whether the receiver answered with a 2xx status. */
    public boolean delivered() {
        if (responseCode == null) {
            return false;
        }
        try {
            int code = (int) Double.parseDouble(responseCode.strip());
            return code >= 200 && code < 300;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "WebhookLogEntry[id=" + id + ", payloadId=" + webhookPayloadId + ", responseCode=" + responseCode + "]";
    }
}
