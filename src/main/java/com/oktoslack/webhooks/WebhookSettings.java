package com.oktoslack.webhooks;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * Tunables of webhook intake; defaults in application.yml ({@code okto.webhooks}).
 *
 * @param maxBodyBytes         larger deliveries are refused
 * @param maxEventsPerDelivery events taken from one delivery; the rest are dropped
 * @param gatherFor            a pause in deliveries this long ends the gathering of a burst into one batch
 * @param gatherAtMost         the longest a burst is gathered before its batch is drained anyway
 * @param pollEvery            stored deliveries no delivery nudged for (a retry, a stopped replica) wait at most this
 * @param catchUpPages         pages of Oktopost's webhook log read per catch-up
 * @param catchUpEvery         how often Oktopost's webhook log is read for deliveries that never arrived
 * @param catchUpDelay         a replica that just started leaves the catch-up to others this long
 */
@ConfigurationProperties("okto.webhooks")
record WebhookSettings(int maxBodyBytes,
                       int maxEventsPerDelivery,
                       Duration gatherFor,
                       Duration gatherAtMost,
                       Duration pollEvery,
                       int catchUpPages,
                       Duration catchUpEvery,
                       Duration catchUpDelay) {
}
