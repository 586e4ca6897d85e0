package com.oktoslack.oktopost;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface BudgetDayRepository extends CrudRepository<BudgetDay, String> {

    @Query("""
            INSERT INTO oktopost_budget (day, calls, blocked_until) VALUES (:day, :calls, :blockedUntil)
            ON CONFLICT (day) DO UPDATE SET calls = excluded.calls, blocked_until = excluded.blocked_until""")
    int upsert(String day, int calls, long blockedUntil);

    /** A block can outlast the day it started on, so the latest one counts whatever its row. */
    @Query("SELECT COALESCE(MAX(blocked_until), 0) FROM oktopost_budget")
    long latestBlockedUntil();
}
