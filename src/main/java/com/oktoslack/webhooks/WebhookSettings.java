package com.oktoslack.webhooks;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * Tunables of webhook intake; defaults in application.yml. The poll and catch-up periods are read by the
 * {@code @Scheduled} annotations, from the same {@code okto.webhooks} keys.
 *
 * @param maxBodyBytes         larger deliveries are refused
 * @param maxEventsPerDelivery events taken from one delivery; the rest are dropped
 * @param gatherFor            how long a burst of deliveries is gathered into one batch
 * @param catchUpPages         pages of Oktopost's webhook log read per catch-up
 */
@ConfigurationProperties("okto.webhooks")
record WebhookSettings(int maxBodyBytes,
                       int maxEventsPerDelivery,
                       Duration gatherFor,
                       int catchUpPages) {
}
