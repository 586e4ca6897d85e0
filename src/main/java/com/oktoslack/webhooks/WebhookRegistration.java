package com.oktoslack.webhooks;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A webhook this app created in Oktopost, with the secret Oktopost signs its deliveries with. */
@MappedEntity("webhook_registration")
record WebhookRegistration(@Id String webhookId, String eventType, String url, String secret, Instant createdAt) {
}
