package com.oktoslack.oktopost;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

/** The shared budget's tables (see {@link DatabaseBudgetStore}); times are epoch millis on every database. */
@JdbcRepository(dialect = Dialect.ANSI) // the SQL both SQLite and PostgreSQL accept: see storage/DatabaseVendor
interface BudgetDayRepository extends CrudRepository<BudgetDay, String> {

    /** The first write of a budget transaction: holds every other replica's until this one ends. */
    @Query("UPDATE oktopost_budget_lock SET taken = taken + 1 WHERE id = 1")
    int takeLock();

    @Query("SELECT called_at FROM oktopost_call WHERE called_at > :after ORDER BY called_at")
    List<Long> callsAfter(long after);

    @Query("INSERT INTO oktopost_call (called_at) VALUES (:at)")
    int insertCall(long at);

    @Query("DELETE FROM oktopost_call WHERE called_at <= :upTo")
    int forgetCallsUpTo(long upTo);

    @Query("""
            INSERT INTO oktopost_budget (day, calls, blocked_until) VALUES (:day, 1, 0)
            ON CONFLICT (day) DO UPDATE SET calls = oktopost_budget.calls + 1""")
    int countCall(String day);

    /** Kept on the row of the day the block ends, so the latest block is the largest value of any row. */
    @Query("""
            INSERT INTO oktopost_budget (day, calls, blocked_until) VALUES (:day, 0, :until)
            ON CONFLICT (day) DO UPDATE SET blocked_until = excluded.blocked_until""")
    int block(String day, long until);

    /** A block can outlast the day it started on, so the latest one counts whatever its row. */
    @Query("SELECT COALESCE(MAX(blocked_until), 0) FROM oktopost_budget")
    long latestBlockedUntil();
}
