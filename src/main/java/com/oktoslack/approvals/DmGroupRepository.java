package com.oktoslack.approvals;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.ANSI) // the SQL both SQLite and PostgreSQL accept: see storage/DatabaseVendor
interface DmGroupRepository extends CrudRepository<DmGroup, String> {

    /** The approver's DM cards that are due now, not yet claimed by a posting lane. */
    @Query("SELECT COUNT(*) FROM approval_card WHERE destination = :destination AND kind = 'dm' AND status = 'due' AND due_at <= :now")
    long countDueCards(String destination, Instant now);

    /** The due DM cards the group message now stands for; the number taken. */
    @Query("""
            UPDATE approval_card SET status = 'skipped', note = 'counted in a grouped DM'
            WHERE destination = :destination AND kind = 'dm' AND status = 'due' AND due_at <= :now""")
    int takeDueCards(String destination, Instant now);
}
