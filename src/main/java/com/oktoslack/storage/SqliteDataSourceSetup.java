package com.oktoslack.storage;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;

import javax.sql.DataSource;

/**
 * Makes the pooled SQLite data source usable by Micronaut Data: hides the read-only flag, which
 * sqlite-jdbc refuses once a connection is open.
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
        return new ReadOnlyTolerantDataSource(hikari);
    }
}
