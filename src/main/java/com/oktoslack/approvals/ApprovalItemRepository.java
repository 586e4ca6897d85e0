package com.oktoslack.approvals;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI) // the SQL both SQLite and PostgreSQL accept: see storage/DatabaseVendor
interface ApprovalItemRepository extends CrudRepository<ApprovalItem, String> {

    List<ApprovalItem> findByEntityIdIn(Collection<String> entityIds);

    List<ApprovalItem> findByStatus(String status);

    @Query("SELECT * FROM approval_item WHERE status = 'pending' AND approver_ids LIKE :pattern ORDER BY created_at")
    List<ApprovalItem> findPendingWithApproverLike(String pattern);

    /**
     * Takes the decision on the item at this step and round for one Slack user; 1 for the one click that
     * wins, 0 when the item moved on or someone else is deciding (a claim older than {@code expiredBefore}
     * counts as abandoned).
     */
    @Query("""
            UPDATE approval_item SET deciding_by = :slackUserId, deciding_since = :now
            WHERE entity_id = :entityId AND round = :round AND step_id = :stepId AND status = 'pending'
              AND (deciding_by IS NULL OR deciding_since < :expiredBefore)""")
    int claim(String entityId, int round, String stepId, String slackUserId, Instant now, Instant expiredBefore);

    @Query("UPDATE approval_item SET deciding_by = NULL, deciding_since = NULL WHERE entity_id = :entityId AND deciding_by = :slackUserId")
    int release(String entityId, String slackUserId);

    @Query("UPDATE approval_item SET author_notice = :notice WHERE entity_id = :entityId AND round = :round")
    int setAuthorNotice(String entityId, int round, String notice);

    @Query("SELECT * FROM approval_item WHERE author_notice = 'due'")
    List<ApprovalItem> findAuthorNoticeDue();
}
