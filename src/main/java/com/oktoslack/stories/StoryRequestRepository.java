package com.oktoslack.stories;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI) // the SQL both SQLite and PostgreSQL accept: see storage/DatabaseVendor
interface StoryRequestRepository extends CrudRepository<StoryRequest, String> {

    /** 1 when accepted, 0 when this modal was submitted before. */
    @Query("""
            INSERT INTO story_request (view_id, kind, slack_user_id, payload, status, attempts, next_attempt_at, created_at, updated_at)
            VALUES (:viewId, :kind, :slackUserId, :payload, 'new', 0, :now, :now, :now)
            ON CONFLICT (view_id) DO NOTHING""")
    int insertIfAbsent(String viewId, String kind, String slackUserId, String payload, Instant now);

    /** Takes a request to work on; 0 when it is already being worked on or finished. */
    @Query("UPDATE story_request SET status = 'working', updated_at = :now WHERE view_id = :viewId AND status IN ('new', 'retry')")
    int claim(String viewId, Instant now);

    @Query("UPDATE story_request SET payload = :payload, updated_at = :now WHERE view_id = :viewId")
    int savePayload(String viewId, String payload, Instant now);

    @Query("""
            UPDATE story_request SET status = :status, attempts = :attempts, next_attempt_at = :nextAttemptAt,
                last_error = :lastError, updated_at = :now WHERE view_id = :viewId""")
    int settle(String viewId, String status, int attempts, Instant nextAttemptAt, @Nullable String lastError, Instant now);

    @Query("SELECT * FROM story_request WHERE status IN ('new', 'retry') AND next_attempt_at <= :now ORDER BY created_at")
    List<StoryRequest> findDue(Instant now);

    /**
     * Requests left 'working' by a run that stopped. Only the job works on requests, on one replica at a time,
     * so when it starts nothing else is working on one.
     */
    @Query("UPDATE story_request SET status = 'retry', next_attempt_at = :now WHERE status = 'working'")
    int reviveInterrupted(Instant now);

    @Query("SELECT COUNT(*) FROM story_request WHERE status IN ('new', 'retry', 'working')")
    long countWaiting();

    @Query("SELECT COUNT(*) FROM story_request WHERE status = 'failed'")
    long countFailed();

    /** The request due now that has waited longest. */
    @Query("SELECT * FROM story_request WHERE status IN ('new', 'retry') AND next_attempt_at <= :now ORDER BY next_attempt_at LIMIT 1")
    Optional<StoryRequest> findOldestDue(Instant now);
}
