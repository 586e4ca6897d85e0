package com.oktoslack.storage;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Makes the pooled SQLite data source usable by Micronaut Data: hides the read-only flag, which
 * sqlite-jdbc refuses once a connection is open. Also leaves the database's files owner-only.
 */
@Singleton
@Order(Ordered.HIGHEST_PRECEDENCE)
class SqliteDataSourceSetup implements BeanCreatedEventListener<DataSource> {

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource dataSource = event.getBean();
        if (!(dataSource instanceof HikariDataSource hikari) || hikari.getJdbcUrl() == null
                || !hikari.getJdbcUrl().startsWith("jdbc:sqlite:")) {
            return dataSource;
        }
        SqliteFiles.of(hikari.getJdbcUrl()).ifPresent(SqliteDataSourceSetup::ownerOnly);
        return new ReadOnlyTolerantDataSource(hikari);
    }

    /**
     * The pool has opened the database by now. SQLite gives new {@code -wal}/{@code -shm} files the database
     * file's permissions, but files left by an older version or another tool keep theirs: fix them here.
     */
    static void ownerOnly(Path database) {
        for (Path file : SqliteFiles.withJournals(database)) {
            try {
                OwnerOnly.file(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot make " + file + " owner-only", e);
            }
        }
    }
}
