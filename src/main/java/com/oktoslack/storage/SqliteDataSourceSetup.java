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
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes the pooled SQLite data source usable by Micronaut Data: creates the database file's folder
 * (SQLite will not) and hides the read-only flag, which sqlite-jdbc refuses once a connection is open.
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
        createParentFolder(hikari.getJdbcUrl());
        return new ReadOnlyTolerantDataSource(hikari);
    }

    static void createParentFolder(String jdbcUrl) {
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        if (file.startsWith("file:")) {
            file = file.substring("file:".length());
        }
        if (file.isBlank() || file.startsWith(":memory:") || file.contains("mode=memory")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the database folder " + parent, e);
        }
    }
}
