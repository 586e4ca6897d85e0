package com.oktoslack.jobs;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.connection.ConnectionStatus;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The engine's connections. Work scheduled inside one of the app's transactions joins it, so a job and the
 * row it works on are stored together or not at all (and SQLite's single connection is not asked for twice);
 * everything else, above all the engine's own polling, takes a plain pooled connection.
 */
final class JoiningDataSource implements DataSource {

    private final DataSource pool;
    private final ConnectionOperations<Connection> connections;

    JoiningDataSource(DataSource contextual, ConnectionOperations<Connection> connections) {
        this.pool = DelegatingDataSource.unwrapDataSource(contextual);
        this.connections = connections;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Optional<ConnectionStatus<Connection>> current = connections.findConnectionStatus();
        return current.isPresent() ? notClosing(current.get().getConnection()) : pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    /** The transaction's owner closes its connection; db-scheduler's close after each statement must not. */
    private static Connection notClosing(Connection connection) {
        return (Connection) Proxy.newProxyInstance(JoiningDataSource.class.getClassLoader(),
                new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return pool.isWrapperFor(type);
    }
}
