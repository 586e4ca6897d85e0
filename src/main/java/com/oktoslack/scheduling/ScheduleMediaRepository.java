package com.oktoslack.scheduling;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;

/**
 * Submissions with files wait in {@code schedule_request} as {@code media} (which the runner neither claims nor
 * resumes) until Oktopost has every file; then they are {@code accepted} like any other, with the media ids in the
 * plan, or {@code undone} when a file could not be uploaded, as nothing was created.
 */
@JdbcRepository(dialect = Dialect.ANSI) // the SQL both SQLite and PostgreSQL accept: see storage/DatabaseVendor
interface ScheduleMediaRepository extends GenericRepository<ScheduleRequest, String> {

    String WAITING = "media";

    /** 1 when accepted, 0 when this modal was submitted before. */
    @Query("""
            INSERT INTO schedule_request (view_id, slack_user_id, plan, progress, status, created_at, updated_at)
            VALUES (:viewId, :slackUserId, :plan, :progress, 'media', :now, :now)
            ON CONFLICT (view_id) DO NOTHING""")
    int insertWaiting(String viewId, String slackUserId, String plan, String progress, Instant now);

    /** 1 for the one call that moves the request on; the media ids are in the new plan. */
    @Query("UPDATE schedule_request SET plan = :plan, status = 'accepted', updated_at = :now WHERE view_id = :viewId AND status = 'media'")
    int mediaReady(String viewId, String plan, Instant now);

    @Query("UPDATE schedule_request SET status = 'undone', outcome = :outcome, updated_at = :now WHERE view_id = :viewId AND status = 'media'")
    int mediaFailed(String viewId, String outcome, Instant now);
}
