package com.oktoslack.history;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Set;

/**
 * The record of every decision the app makes (in Slack) or sees (made in Oktopost). Approvals call
 * {@link #record} where they store a decision, in the same transaction, so the history holds exactly the
 * decisions the cards show.
 */
@Singleton
public class DecisionHistory {

    public static final String SLACK = "slack";
    public static final String OKTOPOST = "oktopost";
    private static final int ITEM_TEXT = 120;
    private static final Set<String> DECISIONS = Set.of("approved", "rejected");

    /**
     * A decision on an item at a step. {@code what} and {@code text}: what the item is ("LinkedIn post") and says;
     * {@code slackUserId} and {@code byName} say who, when known; {@code source} is {@link #SLACK} or {@link #OKTOPOST}.
     */
    public record Decision(String entityId, int round, String workflowId, String workflowName, String stepId,
                           String stepLabel, String what, @Nullable String text, String outcome, @Nullable String slackUserId,
                           @Nullable String byName, @Nullable String note, String source, Instant decidedAt) {
    }

    private final HistoryRepository rows;

    DecisionHistory(HistoryRepository rows) {
        this.rows = rows;
    }

    /** Keeps an approval or a rejection; anything else (an item removed from the workflow) is no decision. */
    public void record(Decision d) {
        if (!DECISIONS.contains(d.outcome())) {
            return;
        }
        rows.save(new HistoryRow(null, d.entityId(), d.round(), d.workflowId(), d.workflowName(), d.stepId(),
                d.stepLabel(), item(d), d.outcome(), d.slackUserId(), d.byName(), d.note(), d.source(), d.decidedAt()));
    }

    /** "LinkedIn post: the first words of its text…", as people recognise it. */
    private static String item(Decision d) {
        String text = d.text() == null ? "" : d.text().strip().replaceAll("\\s+", " ");
        if (text.length() > ITEM_TEXT) {
            text = text.substring(0, ITEM_TEXT - 1).strip() + "…";
        }
        return text.isEmpty() ? d.what() : d.what() + ": " + text;
    }
}
