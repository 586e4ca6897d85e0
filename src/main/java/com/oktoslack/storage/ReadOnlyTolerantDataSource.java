package com.oktoslack.storage;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * Hands out connections that remember {@code setReadOnly} instead of passing it to sqlite-jdbc, which
 * rejects it after the first statement. Deliberately not a Micronaut DelegatingDataSource: that one is
 * unwrapped by Micronaut Data, which would bring the problem back.
 */
final class ReadOnlyTolerantDataSource implements DataSource, AutoCloseable {

    private final DataSource target;

    ReadOnlyTolerantDataSource(DataSource target) {
        this.target = target;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return tolerant(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return tolerant(target.getConnection(username, password));
    }

    private static Connection tolerant(Connection connection) {
        boolean[] readOnly = {false};
        return (Connection) Proxy.newProxyInstance(
                ReadOnlyTolerantDataSource.class.getClassLoader(),
                new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setReadOnly" -> {
                            readOnly[0] = (Boolean) args[0];
                            return null;
                        }
                        case "isReadOnly" -> {
                            return readOnly[0];
                        }
                        case "unwrap" -> {
                            Class<?> type = (Class<?>) args[0];
                            return type.isInstance(proxy) ? proxy : connection.unwrap(type);
                        }
                        default -> {
                            try {
                                return method.invoke(connection, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }
                    }
                });
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || target.isWrapperFor(iface);
    }

    @Override
    public void close() throws Exception {
        if (target instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
