package com.oktoslack.stories;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

/** Tells when the webhook worker has handled every event it accepted. */
final class InboxProbe {

    private InboxProbe() {
    }

    static void awaitSettled(DataSource dataSource) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (pending(dataSource) > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("webhook events still pending after 10 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static int pending(DataSource dataSource) {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM webhook_inbox WHERE status = 'pending'")) {
            result.next();
            return result.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
