package com.oktoslack.storage;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every database gets every migration: a version in db/migration (SQLite) needs its PostgreSQL variant of the
 * same version and name in db/postgresql, and a version in db/common is in neither vendor folder.
 */
class MigrationFoldersTest {

    @Test
    void eachVendorFolderHasTheSameMigrations() throws Exception {
        Set<String> sqlite = migrations("db/migration");
        Set<String> postgresql = migrations("db/postgresql");
        assertEquals(sqlite, postgresql, "db/migration (SQLite) and db/postgresql must hold the same V<n>__<name>.sql files;"
                + " a migration whose SQL is the same on both belongs in db/common");
    }

    @Test
    void commonMigrationsAreInNoVendorFolder() throws Exception {
        Set<String> vendorVersions = Stream.concat(migrations("db/migration").stream(), migrations("db/postgresql").stream())
                .map(MigrationFoldersTest::version).collect(Collectors.toSet());
        for (String common : migrations("db/common")) {
            assertTrue(!vendorVersions.contains(version(common)), common + " also has a vendor-specific version");
        }
    }

    private static Set<String> migrations(String folder) throws IOException, URISyntaxException {
        URL url = MigrationFoldersTest.class.getClassLoader().getResource(folder);
        if (url == null) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static String version(String file) {
        return file.substring(0, file.indexOf("__"));
    }
}
