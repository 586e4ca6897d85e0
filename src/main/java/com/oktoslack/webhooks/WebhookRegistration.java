package com.oktoslack.webhooks;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/**
 * A webhook this app created in Oktopost, with the secret Oktopost signs its deliveries with: plain here,
 * encrypted in the database ({@link WebhookSecretColumn}).
 */
@MappedEntity("webhook_registration")
record WebhookRegistration(@Id String webhookId, String eventType, String url,
                           @MappedProperty(converter = WebhookSecretColumn.class) String secret, Instant createdAt) {

    /** Without the secret, so a registration can be logged. */
    @Override
    public String toString() {
        return "WebhookRegistration[webhookId=" + webhookId + ", eventType=" + eventType + ", url=" + url + "]";
    }
}
