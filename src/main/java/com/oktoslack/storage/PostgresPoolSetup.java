package com.oktoslack.storage;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * application.yml sizes the pool and sets connection properties for SQLite (one writer, WAL pragmas). On
 * PostgreSQL those pragmas mean nothing and one connection would serialise every request, so the pool
 * gets okto.postgresql.pool-size connections instead.
 */
@Singleton
class PostgresPoolSetup implements BeanCreatedEventListener<DatasourceConfiguration> {

    private final int poolSize;

    PostgresPoolSetup(@Value("${okto.postgresql.pool-size:10}") int poolSize) {
        this.poolSize = poolSize;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        if (configuration.getUrl() != null && configuration.getUrl().startsWith("jdbc:postgresql:")) {
            configuration.getDataSourceProperties().clear();
            configuration.setMaximumPoolSize(poolSize);
        }
        return configuration;
    }
}
