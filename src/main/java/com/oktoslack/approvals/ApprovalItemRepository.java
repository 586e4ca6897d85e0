package com.oktoslack.approvals;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI) // the SQL both SQLite and PostgreSQL accept: see storage/DatabaseVendor
interface ApprovalItemRepository extends CrudRepository<ApprovalItem, String> {

    List<ApprovalItem> findByEntityIdIn(Collection<String> entityIds);

    List<ApprovalItem> findByStatus(String status);

    @Query("SELECT * FROM approval_item WHERE status = 'pending' AND approver_ids LIKE :pattern ORDER BY created_at")
    List<ApprovalItem> findPendingWithApproverLike(String pattern);

    @Query("UPDATE approval_item SET author_notice = :notice WHERE entity_id = :entityId AND round = :round")
    int setAuthorNotice(String entityId, int round, String notice);

    @Query("SELECT * FROM approval_item WHERE author_notice = 'due'")
    List<ApprovalItem> findAuthorNoticeDue();
}
