package com.oktoslack.jobs;

import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/**
 * db-scheduler on SQLite, which it does not know by itself: times are epoch milliseconds (sqlite-jdbc cannot
 * read its own timestamps back as the driver-neutral types db-scheduler asks for), and a page of due jobs is
 * {@code LIMIT n}. SQLite has no row locks, so jobs are claimed by db-scheduler's default fetch-then-claim
 * with a version check, which needs nothing more.
 */
final class SqliteJobColumns extends DefaultJdbcCustomization {

    SqliteJobColumns() {
        super(false);
    }

    @Override
    public String getName() {
        return "SQLite";
    }

    @Override
    public void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value.toEpochMilli());
        }
    }

    @Override
    public Instant getInstant(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    @Override
    public boolean supportsExplicitQueryLimitPart() {
        return true;
    }

    @Override
    public String getQueryLimitPart(int limit) {
        return " LIMIT " + limit;
    }
}
