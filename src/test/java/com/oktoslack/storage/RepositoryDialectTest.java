package com.oktoslack.storage;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every repository is compiled for Micronaut Data's ANSI dialect: the dialect on the annotation decides the SQL at
 * compile time, and only ANSI's is accepted by both SQLite and PostgreSQL. A repository declared for another
 * dialect would pass every SQLite test and fail only on PostgreSQL.
 */
class RepositoryDialectTest {

    @Test
    void everyRepositoryIsCompiledForTheDialectBothDatabasesAccept() throws IOException {
        List<String> declarations;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            declarations = files.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(RepositoryDialectTest::lines)
                    .filter(line -> line.contains(": @JdbcRepository"))
                    .toList();
        }
        assertFalse(declarations.isEmpty(), "the repositories were found");
        assertEquals(List.of(), declarations.stream().filter(line -> !line.contains("Dialect.ANSI")).toList());
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(line -> file.getFileName() + ": " + line.strip());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
