package com.oktoslack.reminders;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI) // the SQL both SQLite and PostgreSQL accept: see storage/DatabaseVendor
interface ReminderMarkRepository extends CrudRepository<ReminderMark, Long> {

    /**
     * Every pending item and since when it waits at its step: the last decision of the round at another step
     * (the one that moved it on), else the start of the round (the item's creation in round 1, else its first card).
     */
    @Query("""
            SELECT i.entity_id, i.round, i.workflow_id, i.step_id, i.step, i.approver_ids, i.content,
              COALESCE(
                (SELECT MAX(d.decided_at) FROM approval_decision d
                  WHERE d.entity_id = i.entity_id AND d.round = i.round AND d.step_id <> i.step_id),
                CASE WHEN i.round = 1 THEN i.created_at END,
                (SELECT MIN(c.created_at) FROM approval_card c WHERE c.entity_id = i.entity_id AND c.round = i.round),
                i.updated_at) AS waiting_since
            FROM approval_item i WHERE i.status = 'pending'""")
    List<WaitingItem> findWaiting();

    /** Slack users who already approved the item at this step (a step every approver must approve). */
    @Query("""
            SELECT d.slack_user_id FROM approval_decision d
            WHERE d.entity_id = :entityId AND d.round = :round AND d.step_id = :stepId AND d.outcome = 'approved'
              AND d.slack_user_id IS NOT NULL""")
    List<String> findApprovedAtStep(String entityId, int round, String stepId);

    /** 1 when the approver may be reminded now (never reminded in this round, or not since {@code dayAgo}), and it is recorded. */
    @Query("""
            INSERT INTO reminder_mark (entity_id, round, slack_user_id, reminded_at) VALUES (:entityId, :round, :slackUserId, :now)
            ON CONFLICT (entity_id, round, slack_user_id) DO UPDATE SET reminded_at = :now
            WHERE reminder_mark.reminded_at IS NULL OR reminder_mark.reminded_at <= :dayAgo""")
    int claimReminder(String entityId, int round, String slackUserId, Instant now, Instant dayAgo);

    /** 1 when the item was not escalated in this round yet, and now it is recorded. */
    @Query("""
            INSERT INTO reminder_mark (entity_id, round, slack_user_id, escalated_at) VALUES (:entityId, :round, '', :now)
            ON CONFLICT (entity_id, round, slack_user_id) DO UPDATE SET escalated_at = :now
            WHERE reminder_mark.escalated_at IS NULL""")
    int claimEscalation(String entityId, int round, Instant now);

    @Query("UPDATE reminder_mark SET escalated_at = NULL WHERE entity_id = :entityId AND round = :round AND slack_user_id = ''")
    int releaseEscalation(String entityId, int round);

    /** Marks of items decided, removed or sent round again: nothing more is reminded of them. */
    @Query("""
            DELETE FROM reminder_mark WHERE NOT EXISTS (SELECT 1 FROM approval_item i
              WHERE i.entity_id = reminder_mark.entity_id AND i.round = reminder_mark.round AND i.status = 'pending')""")
    int deleteSettled();
}
