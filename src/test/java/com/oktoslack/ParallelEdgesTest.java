package com.oktoslack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The two edges stand side by side: the Slack edge knows nothing of Oktopost, and Oktopost nothing of Slack. */
class ParallelEdgesTest {

    private static final Path SOURCES = Path.of("src/main/java/com/oktoslack");

    @Test
    void theSlackEdgeImportsNothingOfOktopost() throws IOException {
        assertEquals(List.of(), importsOf("slack", "com.oktoslack.oktopost"));
    }

    @Test
    void theOktopostEdgeImportsNothingOfSlack() throws IOException {
        assertEquals(List.of(), importsOf("oktopost", "com.oktoslack.slack"));
    }

    private static List<String> importsOf(String edge, String forbidden) throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES.resolve(edge))) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(f -> lines(f).filter(l -> l.startsWith("import " + forbidden + ".")).map(l -> f.getFileName() + ": " + l))
                    .toList();
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
