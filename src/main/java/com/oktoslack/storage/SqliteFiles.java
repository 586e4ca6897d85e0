package com.oktoslack.storage;

import io.micronaut.core.annotation.Nullable;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The files behind a {@code jdbc:sqlite:} URL: the database and, in WAL mode, its {@code -wal} and {@code -shm}. */
final class SqliteFiles {

    private SqliteFiles() {
    }

    /** The database file; empty for other databases and for in-memory SQLite. */
    static Optional<Path> of(@Nullable String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:sqlite:")) {
            return Optional.empty();
        }
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        if (file.contains("mode=memory")) {
            return Optional.empty();
        }
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        if (file.startsWith("file:")) {
            file = file.substring("file:".length());
        }
        if (file.isBlank() || file.startsWith(":memory:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(file));
    }

    static List<Path> withJournals(Path database) {
        return List.of(database, Path.of(database + "-wal"), Path.of(database + "-shm"), Path.of(database + "-journal"));
    }
}
