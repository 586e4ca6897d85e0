package com.oktoslack.approvals;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * Tunables of approval cards and decisions; defaults in application.yml ({@code okto.approvals}).
 *
 * @param decisionRetryAfter the wait before an unanswered decision call is looked at again (doubling after)
 * @param decisionAttempts   how often an unanswered decision call is tried again
 * @param postingLanes       channels whose cards are posted at the same time
 * @param publishEvery       cards due, interrupted or out of date are looked for at least this often
 * @param reconcileEvery     every open item is read again from Oktopost this often
 * @param reconcileDelay     a replica that just started leaves the reconciliation to others this long
 * @param oktopostUrl        the link to an item in Oktopost; {@code {entityId}} and {@code {type}} are replaced
 * @param pendingFreshFor    a read of every open item this recent is not repeated (as for /okto pending)
 */
@ConfigurationProperties("okto.approvals")
record ApprovalSettings(Duration decisionRetryAfter,
                        int decisionAttempts,
                        int postingLanes,
                        Duration publishEvery,
                        Duration reconcileEvery,
                        Duration reconcileDelay,
                        String oktopostUrl,
                        Duration pendingFreshFor) {
}
