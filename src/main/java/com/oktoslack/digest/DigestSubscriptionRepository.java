package com.oktoslack.digest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.ANSI) // the SQL both SQLite and PostgreSQL accept: see storage/DatabaseVendor
interface DigestSubscriptionRepository extends CrudRepository<DigestSubscription, String> {

    /** Creates or changes the time and zone; the day last sent stays, so a change never sends twice in a day. */
    @Query("""
            INSERT INTO digest_subscription (id, kind, target, local_time, zone, set_by, active_from)
            VALUES (:id, :kind, :target, :localTime, :zone, :setBy, :activeFrom)
            ON CONFLICT (id) DO UPDATE SET local_time = excluded.local_time, zone = excluded.zone,
                set_by = excluded.set_by, active_from = excluded.active_from, retry_at = NULL, last_error = NULL""")
    void upsert(String id, String kind, String target, String localTime, String zone, String setBy, Instant activeFrom);

    /**
     * 1 when this caller may send the digest for {@code day}, 0 when it was already sent for that day (or a
     * later one) or the schedule changed meanwhile. Dates compare as ISO text.
     */
    @Query("""
            UPDATE digest_subscription SET last_sent_date = :day, last_sent_at = :now, retry_at = NULL, last_error = NULL
            WHERE id = :id AND local_time = :localTime AND zone = :zone
              AND (last_sent_date IS NULL OR last_sent_date < :day)""")
    int claim(String id, String localTime, String zone, String day, Instant now);

    /** Gives a claimed day back after a send that surely failed, so a later tick tries again. */
    @Query("""
            UPDATE digest_subscription SET last_sent_date = :previousDay, last_sent_at = :previousAt,
                retry_at = :retryAt, last_error = :error
            WHERE id = :id AND last_sent_date = :day""")
    int release(String id, String day, @Nullable String previousDay, @Nullable Instant previousAt, Instant retryAt, String error);

    @Query("UPDATE digest_subscription SET retry_at = :retryAt, last_error = :error WHERE id = :id")
    int retryLater(String id, Instant retryAt, String error);

    @Query("UPDATE digest_subscription SET last_error = :error WHERE id = :id")
    int recordError(String id, String error);
}
