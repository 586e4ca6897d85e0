package com.oktoslack.approvals;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI) // the SQL both SQLite and PostgreSQL accept: see storage/DatabaseVendor
interface ApprovalCardRepository extends CrudRepository<ApprovalCard, Long> {

    /** 1 when the card is now due, 0 when the item already had this card in this round. */
    @Query("""
            INSERT INTO approval_card (entity_id, round, destination, step_id, kind, status, due_at, created_at)
            VALUES (:entityId, :round, :destination, :stepId, :kind, 'due', :now, :now)
            ON CONFLICT (entity_id, round, destination, step_id) DO NOTHING""")
    int insertIfAbsent(String entityId, int round, String destination, String stepId, String kind, Instant now);

    @Query("SELECT * FROM approval_card WHERE status = 'due' AND due_at <= :now ORDER BY id LIMIT :limit")
    List<ApprovalCard> findDue(Instant now, int limit);

    @Query("SELECT * FROM approval_card WHERE status = 'due' AND due_at <= :now AND destination = :destination ORDER BY id LIMIT :limit")
    List<ApprovalCard> findDueFor(String destination, Instant now, int limit);

    List<ApprovalCard> findByStatus(String status);

    long countByStatus(String status);

    /** The due card that has waited longest since it fell due. */
    @Query("SELECT * FROM approval_card WHERE status = 'due' AND due_at <= :now ORDER BY due_at LIMIT 1")
    List<ApprovalCard> findLongestDue(Instant now);

    List<ApprovalCard> findByEntityIdAndRoundOrderById(String entityId, int round);

    List<ApprovalCard> findByEntityIdAndStatusAndKind(String entityId, String status, String kind);

    /** Posted cards that show an older version of their item than it has now. */
    @Query("""
            SELECT DISTINCT c.entity_id FROM approval_card c JOIN approval_item i ON i.entity_id = c.entity_id AND i.round = c.round
            WHERE c.status = 'posted' AND c.rendered_version < i.version LIMIT :limit""")
    List<String> findOutdatedEntityIds(int limit);

    @Query("UPDATE approval_card SET status = 'posting', attempted_at = :now, attempts = attempts + 1 WHERE id = :id AND status = 'due'")
    int claim(long id, Instant now);

    @Query("UPDATE approval_card SET status = 'posted', channel_id = :channelId, ts = :ts, rendered_version = :version, note = NULL WHERE id = :id")
    int markPosted(long id, String channelId, String ts, long version);

    /** A card found in Slack after an interrupted post; it shows an unknown version, so it is updated next. */
    @Query("UPDATE approval_card SET status = 'posted', channel_id = :channelId, ts = :ts, rendered_version = 0 WHERE id = :id AND status = 'posting'")
    int adoptPosted(long id, String channelId, String ts);

    @Query("UPDATE approval_card SET status = 'due', due_at = :dueAt, note = :note WHERE id = :id AND status = 'posting'")
    int retryInterrupted(long id, Instant dueAt, String note);

    @Query("UPDATE approval_card SET rendered_version = :version WHERE id = :id AND rendered_version < :version")
    int markRendered(long id, long version);

    @Query("UPDATE approval_card SET status = 'due', due_at = :dueAt, note = :note WHERE id = :id")
    int markDue(long id, Instant dueAt, @Nullable String note);

    @Query("UPDATE approval_card SET status = 'failed', note = :note WHERE id = :id")
    int markFailed(long id, String note);

    @Query("UPDATE approval_card SET status = 'skipped', note = :note WHERE id = :id")
    int markSkipped(long id, String note);

    /** 1 when the caller now holds the item's card updates: nobody held them, or the last hold ran out. */
    @Query("""
            INSERT INTO card_sync (entity_id, holder, held_until) VALUES (:entityId, :holder, :until)
            ON CONFLICT (entity_id) DO UPDATE SET holder = :holder, held_until = :until
            WHERE card_sync.held_until < :now""")
    int holdSync(String entityId, String holder, Instant until, Instant now);

    @Query("DELETE FROM card_sync WHERE entity_id = :entityId AND holder = :holder")
    int releaseSync(String entityId, String holder);
}
