package com.oktoslack.storage;

import com.oktoslack.testing.RefusedStart;
import io.micronaut.core.value.MapPropertyResolver;
import io.micronaut.core.value.PropertyResolver;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A database that cannot be used is told in one line at start-up, without the password. */
class DatabaseCheckTest {

    @Test
    void sqliteNeedsNoCheck() {
        assertEquals(Optional.empty(), DatabaseCheck.problem(settings("jdbc:sqlite:target/test-db/check.db", null)));
    }

    @Test
    void anotherDatabaseIsNamedAsUnsupported() {
        String problem = DatabaseCheck.problem(settings("jdbc:mysql://db.example.com/okto?password=hunter2", null)).orElseThrow();
        assertEquals("DATASOURCES_DEFAULT_URL must start with jdbc:sqlite: or jdbc:postgresql: (it starts with jdbc:mysql:)",
                problem);
    }

    @Test
    void anUnreachablePostgresqlServerIsOneLineWithoutThePassword() {
        String problem = DatabaseCheck.problem(settings("jdbc:postgresql://127.0.0.1:9/okto?connectTimeout=5", "hunter2"))
                .orElseThrow();
        assertTrue(problem.startsWith("the PostgreSQL database at jdbc:postgresql://127.0.0.1:9/okto cannot be used"), problem);
        assertFalse(problem.contains("\n"), problem);
        assertFalse(problem.contains("hunter2"), problem);
    }

    @Test
    void startingOnAnUnreachableServerStopsWithThatOneLine() throws Exception {
        String line = RefusedStart.line(RefusedStart.withCredentials("DATASOURCES_DEFAULT_URL",
                "jdbc:postgresql://127.0.0.1:9/okto?connectTimeout=5"), 5);

        assertTrue(line.startsWith("okto-slack cannot start: the PostgreSQL database at jdbc:postgresql://127.0.0.1:9/okto"
                + " cannot be used"), line);
    }

    private static PropertyResolver settings(String url, String password) {
        Map<String, Object> values = new HashMap<>();
        values.put("datasources.default.url", url);
        values.put("datasources.default.username", "okto");
        if (password != null) {
            values.put("datasources.default.password", password);
        }
        return new MapPropertyResolver(values);
    }
}
