package com.oktoslack.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The database a test's app runs on. SQLite files by default; {@code -Dtest.database=postgresql} with
 * {@code -Dtest.postgres.url=jdbc:postgresql://…} (see .ci/postgres) runs every test class in a schema of
 * its own on that server, so tests stay independent as they are with a file each.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static boolean postgres() {
        return "postgresql".equalsIgnoreCase(System.getProperty("test.database", "sqlite"));
    }

    /** The datasource settings of a fresh, empty database named after {@code name}. */
    public static Map<String, String> fresh(String name) {
        String unique = name + "-" + UUID.randomUUID();
        Map<String, String> properties = new HashMap<>();
        if (!postgres()) {
            properties.put("datasources.default.url", "jdbc:sqlite:target/test-db/" + unique + ".db");
            return properties;
        }
        String schema = unique.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        String server = System.getProperty("test.postgres.url");
        if (server == null || server.isBlank()) {
            throw new IllegalStateException("-Dtest.database=postgresql needs -Dtest.postgres.url=jdbc:postgresql://…");
        }
        try (Connection connection = DriverManager.getConnection(server);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA \"" + schema + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test schema on " + server, e);
        }
        properties.put("datasources.default.url", server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        // A few connections per app: restart tests run several apps on one server.
        properties.put("okto.postgresql.pool-size", "3");
        return properties;
    }
}
