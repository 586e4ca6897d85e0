package com.oktoslack.scheduling;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

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

    /** Takes over a request an earlier run of the app accepted or started and did not finish. */
    @Query("""
            UPDATE schedule_request SET status = 'running', updated_at = :now
            WHERE view_id = :viewId AND status IN ('accepted', 'running') AND updated_at < :startedAt""")
    int reclaim(String viewId, Instant startedAt, Instant now);

    @Query("SELECT * FROM schedule_request WHERE status IN ('accepted', 'running') AND updated_at < :startedAt ORDER BY created_at")
    List<ScheduleRequest> findUnfinished(Instant startedAt);

    @Query("UPDATE schedule_request SET progress = :progress, updated_at = :now WHERE view_id = :viewId")
    int saveProgress(String viewId, String progress, Instant now);

    @Query("UPDATE schedule_request SET status = :status, outcome = :outcome, updated_at = :now WHERE view_id = :viewId")
    int finish(String viewId, String status, @Nullable String outcome, Instant now);
}
