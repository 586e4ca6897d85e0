package com.oktoslack.storage;

import io.micronaut.core.value.PropertyResolver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Start-up check of the configured database, before the app is built, so that a wrong URL or a server that
 * does not answer is told in one line instead of a pool's stack trace.
 */
public final class DatabaseCheck {

    private static final int LOGIN_TIMEOUT_SECONDS = 10;

    private DatabaseCheck() {
    }

    /** What is wrong with the database settings, or empty when the database can be used. */
    public static Optional<String> problem(PropertyResolver properties) {
        String url = properties.get("datasources.default.url", String.class).orElse(null);
        DatabaseVendor vendor;
        try {
            vendor = DatabaseVendor.of(url);
        } catch (DatabaseVendor.UnsupportedDatabase e) {
            return Optional.of(e.getMessage());
        }
        if (vendor != DatabaseVendor.POSTGRESQL) {
            // The SQLite file is created on first use; its folder by SqliteFolderSetup.
            return Optional.empty();
        }
        String user = properties.get("datasources.default.username", String.class).orElse(null);
        String password = properties.get("datasources.default.password", String.class).orElse(null);
        DriverManager.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
        try (Connection ignored = DriverManager.getConnection(url, user, password)) {
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of("the PostgreSQL database at " + withoutQuery(url) + " cannot be used"
                    + " (check DATASOURCES_DEFAULT_URL, DATASOURCES_DEFAULT_USERNAME, DATASOURCES_DEFAULT_PASSWORD): "
                    + firstLine(e.getMessage()));
        }
    }

    /** A query string may carry a password; the host, port and database are what a reader needs. */
    static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
