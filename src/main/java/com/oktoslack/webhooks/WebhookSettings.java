package com.oktoslack.webhooks;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * Tunables of webhook intake; defaults in application.yml. The poll and catch-up periods are read by the
 * {@code @Scheduled} annotations, from the same {@code okto.webhooks} keys.
 *
 * @param maxBodyBytes         larger deliveries are refused
 * @param maxEventsPerDelivery events taken from one delivery; the rest are dropped
 * @param gatherFor            a pause in deliveries this long ends the gathering of a burst into one batch
 * @param gatherAtMost         the longest a burst is gathered before its batch is drained anyway
 * @param catchUpPages         pages of Oktopost's webhook log read per catch-up
 */
@ConfigurationProperties("okto.webhooks")
record WebhookSettings(int maxBodyBytes,
                       int maxEventsPerDelivery,
                       Duration gatherFor,
                       Duration gatherAtMost,
                       int catchUpPages) {
}
