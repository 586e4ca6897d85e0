package com.oktoslack.storage;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * SQLite creates the database file but not its folder; the pool opens a connection at once, so do it first.
 * The folders made here and the database file are owner-only, created so before SQLite opens anything:
 * SQLite gives its {@code -wal} and {@code -shm} files the database file's permissions.
 */
@Singleton
class SqliteFolderSetup implements BeanCreatedEventListener<DatasourceConfiguration> {

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        SqliteFiles.of(configuration.getUrl()).ifPresent(SqliteFolderSetup::prepare);
        return configuration;
    }

    static void prepare(Path database) {
        Path parent = database.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                createOwnerOnlyFolders(parent);
            }
            if (!Files.exists(database)) {
                try {
                    if (OwnerOnly.FILE_ATTRIBUTE.isPresent()) {
                        Files.createFile(database, OwnerOnly.FILE_ATTRIBUTE.get());
                    } else {
                        Files.createFile(database);
                    }
                } catch (FileAlreadyExistsException raced) {
                    // another process made it meanwhile; its permissions are fixed below
                }
            }
            OwnerOnly.file(database);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the database folder " + parent, e);
        }
    }

    /** Creates the missing folders of {@code folder}, each owner-only; folders that exist are left as they are. */
    private static void createOwnerOnlyFolders(Path folder) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = folder; p != null && !Files.exists(p); p = p.getParent()) {
            missing.push(p);
        }
        for (Path p : missing) {
            try {
                Files.createDirectory(p);
            } catch (FileAlreadyExistsException raced) {
                continue;
            }
            OwnerOnly.folder(p);
        }
    }
}
