package com.oktoslack.jobs;

import com.oktoslack.storage.ForwardingDataSource;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.connection.ConnectionStatus;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The engine's connections. Work scheduled inside one of the app's transactions joins it, so a job and the
 * row it works on are stored together or not at all (and SQLite's single connection is not asked for twice);
 * everything else, above all the engine's own polling, takes a plain pooled connection.
 */
final class JoiningDataSource extends ForwardingDataSource {

    private final ConnectionOperations<Connection> connections;

    JoiningDataSource(DataSource contextual, ConnectionOperations<Connection> connections) {
        super(DelegatingDataSource.unwrapDataSource(contextual));
        this.connections = connections;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Optional<ConnectionStatus<Connection>> current = connections.findConnectionStatus();
        // The transaction's owner closes its connection; db-scheduler's close after each statement must not.
        return current.isPresent()
                ? intercepting(current.get().getConnection(), (proxy, method, args) -> method.equals("close") ? null : PASS)
                : target.getConnection();
    }
}
