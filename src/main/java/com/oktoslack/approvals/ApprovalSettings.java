package com.oktoslack.approvals;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * Tunables of approval cards and decisions; defaults in application.yml. The sweep and publish periods are
 * read by the {@code @Scheduled} annotations themselves, from the same {@code okto.approvals} keys.
 *
 * @param decisionLease   how long a process holds a decision it carries out; also the wait before a try again
 * @param decisionAttempts how often an unanswered decision call is tried again
 * @param postingLanes    channels whose cards are posted at the same time
 * @param oktopostUrl     the link to an item in Oktopost; {@code {entityId}} and {@code {type}} are replaced
 * @param pendingFreshFor a read of every open item this recent is not repeated (as for /okto pending)
 */
@ConfigurationProperties("okto.approvals")
record ApprovalSettings(Duration decisionLease,
                        int decisionAttempts,
                        int postingLanes,
                        String oktopostUrl,
                        Duration pendingFreshFor) {
}
