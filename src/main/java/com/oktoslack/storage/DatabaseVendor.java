package com.oktoslack.storage;

import java.util.List;

/**
 * The databases the app runs on, told apart by the JDBC URL. SQLite is the embedded default for one process;
 * PostgreSQL is for several replicas. Each has its own Flyway folder for the migrations whose SQL must differ
 * (column types above all) and shares {@code db/common} for the ones that read the same on both.
 */
public enum DatabaseVendor {

    SQLITE("jdbc:sqlite:", "classpath:db/migration"),
    POSTGRESQL("jdbc:postgresql:", "classpath:db/postgresql");

    /** Migrations whose SQL is the same on every vendor. */
    static final String COMMON_MIGRATIONS = "classpath:db/common";

    private final String urlPrefix;
    private final String migrations;

    DatabaseVendor(String urlPrefix, String migrations) {
        this.urlPrefix = urlPrefix;
        this.migrations = migrations;
    }

    /** @throws UnsupportedDatabase for a URL of any other database, or none */
    public static DatabaseVendor of(String jdbcUrl) {
        if (jdbcUrl != null) {
            for (DatabaseVendor vendor : values()) {
                if (jdbcUrl.startsWith(vendor.urlPrefix)) {
                    return vendor;
                }
            }
        }
        throw new UnsupportedDatabase("DATASOURCES_DEFAULT_URL must start with jdbc:sqlite: or jdbc:postgresql:"
                + (jdbcUrl == null || jdbcUrl.isBlank() ? " (it is empty)" : " (it starts with "
                + prefixOf(jdbcUrl) + ")"));
    }

    /** Flyway locations for this vendor: its own folder and the common one. */
    List<String> migrationLocations() {
        return List.of(migrations, COMMON_MIGRATIONS);
    }

    /** Only the scheme, never the rest of the URL, which may hold credentials. */
    private static String prefixOf(String jdbcUrl) {
        int second = jdbcUrl.indexOf(':', jdbcUrl.indexOf(':') + 1);
        return second > 0 ? jdbcUrl.substring(0, second + 1) : "something else";
    }

    public static final class UnsupportedDatabase extends IllegalStateException {
        UnsupportedDatabase(String message) {
            super(message);
        }
    }
}
