package com.oktoslack.storage;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Hands out connections that remember {@code setReadOnly} instead of passing it to sqlite-jdbc, which
 * rejects it after the first statement. Deliberately not a Micronaut DelegatingDataSource: that one is
 * unwrapped by Micronaut Data, which would bring the problem back.
 */
final class ReadOnlyTolerantDataSource extends ForwardingDataSource implements AutoCloseable {

    ReadOnlyTolerantDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = target.getConnection();
        boolean[] readOnly = {false};
        return intercepting(connection, (proxy, method, args) -> switch (method) {
            case "setReadOnly" -> {
                readOnly[0] = (Boolean) args[0];
                yield null;
            }
            case "isReadOnly" -> readOnly[0];
            case "unwrap" -> ((Class<?>) args[0]).isInstance(proxy) ? proxy : connection.unwrap((Class<?>) args[0]);
            default -> PASS;
        });
    }

    @Override
    public void close() throws Exception {
        if (target instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
