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
 * A DataSource that leaves everything to another but the handing out of connections, which a subclass
 * changes, often through {@link #intercepting}.
 */
public abstract class ForwardingDataSource implements DataSource {

    /** Tells {@link #intercepting} to pass a call on to the connection itself. */
    protected static final Object PASS = new Object();

    /** Answers some calls on a connection itself; {@link #PASS} for every other. */
    @FunctionalInterface
    protected interface Interception {
        Object answer(Connection proxy, String method, Object[] args) throws Exception;
    }

    protected final DataSource target;

    protected ForwardingDataSource(DataSource target) {
        this.target = target;
    }

    /** The connection, with the calls that {@code interception} answers kept from it. */
    protected static Connection intercepting(Connection connection, Interception interception) {
        return (Connection) Proxy.newProxyInstance(ForwardingDataSource.class.getClassLoader(),
                new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                    Object answer = interception.answer((Connection) proxy, method.getName(), args);
                    if (answer != PASS) {
                        return answer;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
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
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || target.isWrapperFor(type);
    }
}
