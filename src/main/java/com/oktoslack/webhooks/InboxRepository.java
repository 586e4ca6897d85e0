package com.oktoslack.webhooks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI) // the SQL both SQLite and PostgreSQL accept: see storage/DatabaseVendor
interface InboxRepository extends CrudRepository<InboxEntry, Long> {

    /** 1 when stored, 0 when an event with this key was already accepted. */
    @Query("""
            INSERT INTO webhook_inbox (dedup_key, event_type, webhook_id, payload, received_at, status, attempts, next_attempt_at)
            VALUES (:dedupKey, :eventType, :webhookId, :payload, :receivedAt, 'pending', 0, :receivedAt)
            ON CONFLICT (dedup_key) DO NOTHING""")
    int insertIfAbsent(String dedupKey, String eventType, @Nullable String webhookId, String payload, Instant receivedAt);

    @Query("SELECT * FROM webhook_inbox WHERE status = 'pending' AND next_attempt_at <= :now ORDER BY id LIMIT :limit")
    List<InboxEntry> findDue(Instant now, int limit);

    @Query("SELECT * FROM webhook_inbox WHERE status = 'pending' AND next_attempt_at <= :now ORDER BY id DESC LIMIT :limit")
    List<InboxEntry> findDueNewest(Instant now, int limit);

    /** The newest event not yet tried: deliveries still arriving hold the drain back (see WebhookWorker). */
    @Query("SELECT * FROM webhook_inbox WHERE status = 'pending' AND attempts = 0 AND next_attempt_at <= :now ORDER BY id DESC LIMIT 1")
    List<InboxEntry> findFreshNewest(Instant now);

    @Query("SELECT * FROM webhook_inbox WHERE status = 'pending' AND attempts = 0 AND next_attempt_at <= :now ORDER BY id LIMIT 1")
    List<InboxEntry> findFreshOldest(Instant now);

    /** The due event that has waited longest since it fell due. */
    @Query("SELECT * FROM webhook_inbox WHERE status = 'pending' AND next_attempt_at <= :now ORDER BY next_attempt_at LIMIT 1")
    List<InboxEntry> findLongestDue(Instant now);

    /** Bulk updates, so a large batch costs a few statements rather than one per event. */
    @Query("UPDATE webhook_inbox SET event_type = :eventType WHERE id IN (:ids)")
    int retype(List<Long> ids, String eventType);

    @Query("UPDATE webhook_inbox SET status = :status, processed_at = :at WHERE id IN (:ids)")
    int finish(List<Long> ids, String status, Instant at);

    @Query("""
            UPDATE webhook_inbox SET next_attempt_at = :next, attempts = :attempts, status = :status, last_error = :error
            WHERE id IN (:ids)""")
    int retryAt(List<Long> ids, Instant next, int attempts, String status, String error);

    long countByStatus(String status);

    @Query("SELECT DISTINCT webhook_id FROM webhook_inbox WHERE webhook_id IS NOT NULL")
    List<String> findWebhookIds();

    @Query("DELETE FROM webhook_inbox WHERE status <> 'pending' AND received_at < :before")
    int deleteSettledBefore(Instant before);
}
