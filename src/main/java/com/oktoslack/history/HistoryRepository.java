package com.oktoslack.history;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI) // the SQL both SQLite and PostgreSQL accept: see storage/DatabaseVendor
interface HistoryRepository extends CrudRepository<HistoryRow, Long> {

    @Query("SELECT * FROM decision_history WHERE decided_at >= :since ORDER BY decided_at DESC, id DESC LIMIT :limit")
    List<HistoryRow> findSince(Instant since, int limit);

    @Query("""
            SELECT * FROM decision_history WHERE decided_at >= :since AND LOWER(workflow_name) = :workflowName
            ORDER BY decided_at DESC, id DESC LIMIT :limit""")
    List<HistoryRow> findSinceInWorkflow(Instant since, String workflowName, int limit);

    @Query("SELECT COUNT(*) FROM decision_history WHERE decided_at >= :since")
    long countSince(Instant since);

    @Query("SELECT COUNT(*) FROM decision_history WHERE decided_at >= :since AND LOWER(workflow_name) = :workflowName")
    long countSinceInWorkflow(Instant since, String workflowName);

    /** Everything kept, oldest first, for the export. */
    @Query("SELECT * FROM decision_history ORDER BY decided_at, id")
    List<HistoryRow> findAllOldestFirst();

    @Query("DELETE FROM decision_history WHERE decided_at < :before")
    int deleteBefore(Instant before);
}
