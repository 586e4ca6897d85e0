package com.oktoslack.approvals;

import com.oktoslack.jobs.QueueDepth;
import com.oktoslack.jobs.WorkQueue;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The approval tables as {@code /okto status} and the metrics show them. */
@Factory
class ApprovalQueues {

    /** Cards due or being posted, the longest due, and those Slack would not take. */
    @Singleton
    @Named("approval-cards")
    WorkQueue cards(ApprovalCardRepository cards) {
        return new WorkQueue() {
            @Override
            public String kind() {
                return CardPublisher.KIND;
            }

            @Override
            public QueueDepth depth(Instant now) {
                List<ApprovalCard> longest = cards.findLongestDue(now);
                Duration oldest = longest.isEmpty() ? Duration.ZERO : Duration.between(longest.get(0).dueAt(), now);
                return new QueueDepth(cards.countByStatus(ApprovalCard.DUE) + cards.countByStatus(ApprovalCard.POSTING),
                        oldest.isNegative() ? Duration.ZERO : oldest, cards.countByStatus(ApprovalCard.FAILED));
            }
        };
    }

    /**
     * Decisions Oktopost never answered. Those waiting are the engine's own jobs of the same kind (one per live
     * decision), counted there: only the failures are added here.
     */
    @Singleton
    @Named("approval-decisions")
    WorkQueue decisions(ApprovalDecisionIntentRepository intents) {
        return new WorkQueue() {
            @Override
            public String kind() {
                return ApprovalDecisionRunner.KIND;
            }

            @Override
            public QueueDepth depth(Instant now) {
                return new QueueDepth(0, Duration.ZERO,
                        intents.countByStatusAndOutcome(ApprovalDecisionIntent.FAILED, Decider.UNANSWERED));
            }
        };
    }
}
