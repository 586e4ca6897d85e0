package com.oktoslack.scheduling;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI) // the SQL both SQLite and PostgreSQL accept: see storage/DatabaseVendor
interface ScheduleRequestRepository extends CrudRepository<ScheduleRequest, String> {

    /** 1 when accepted, 0 when this modal was submitted before. */
    @Query("""
            INSERT INTO schedule_request (view_id, slack_user_id, plan, progress, status, created_at, updated_at)
            VALUES (:viewId, :slackUserId, :plan, :progress, 'accepted', :now, :now)
            ON CONFLICT (view_id) DO NOTHING""")
    int insertIfAbsent(String viewId, String slackUserId, String plan, String progress, Instant now);

    /** Takes an accepted request to work on; 0 when someone already did. */
    @Query("UPDATE schedule_request SET status = 'running', updated_at = :now WHERE view_id = :viewId AND status = 'accepted'")
    int claim(String viewId, Instant now);

    /** Due now: waiting for an attempt, or cut short while running (only the sweep runs requests, one at a time). */
    @Query("""
            SELECT * FROM schedule_request WHERE (status = 'accepted' AND (next_attempt_at IS NULL OR next_attempt_at <= :now))
            OR status = 'running' ORDER BY created_at""")
    List<ScheduleRequest> findDue(Instant now);

    /** Takes a due request, or one a stopped run left 'running'. */
    @Query("UPDATE schedule_request SET status = 'running', updated_at = :now WHERE view_id = :viewId AND status IN ('accepted', 'running')")
    int take(String viewId, Instant now);

    /** A passing failure: accepted again, its progress kept, due at {@code nextAttemptAt}. */
    @Query("""
            UPDATE schedule_request SET status = 'accepted', attempts = :attempts, next_attempt_at = :nextAttemptAt,
            updated_at = :now WHERE view_id = :viewId""")
    int retryAt(String viewId, int attempts, Instant nextAttemptAt, Instant now);

    /** The earliest attempt still to come, if any. */
    @Query("""
            SELECT * FROM schedule_request WHERE status = 'accepted' AND next_attempt_at > :now
            ORDER BY next_attempt_at LIMIT 1""")
    Optional<ScheduleRequest> findNextRetry(Instant now);

    /** The longest-waiting request due now (for the queue's age). */
    @Query("""
            SELECT * FROM schedule_request WHERE status IN ('accepted', 'running')
            ORDER BY COALESCE(next_attempt_at, created_at) LIMIT 1""")
    Optional<ScheduleRequest> findOldestWaiting();

    @Query("SELECT COUNT(*) FROM schedule_request WHERE status IN ('accepted', 'running')")
    long countWaiting();

    /** Requests that failed since {@code since} (everything removed again, or not). */
    @Query("SELECT COUNT(*) FROM schedule_request WHERE status IN ('undone', 'failed') AND updated_at >= :since")
    long countFailedSince(Instant since);

    @Query("UPDATE schedule_request SET progress = :progress, updated_at = :now WHERE view_id = :viewId")
    int saveProgress(String viewId, String progress, Instant now);

    @Query("UPDATE schedule_request SET status = :status, outcome = :outcome, updated_at = :now WHERE view_id = :viewId")
    int finish(String viewId, String status, @Nullable String outcome, Instant now);
}
