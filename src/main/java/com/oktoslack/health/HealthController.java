package com.oktoslack.health;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** Up when the database answers; what a load balancer or orchestrator polls. */
@Controller
class HealthController {

    private static final Logger LOG = LoggerFactory.getLogger(HealthController.class);

    private final ConnectionOperations<Connection> connections;

    HealthController(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    @Get("/health")
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<Map<String, String>> health() {
        try {
            connections.executeRead(status -> {
                try (Statement statement = status.getConnection().createStatement()) {
                    return statement.execute("SELECT 1");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            return HttpResponse.ok(Map.of("status", "UP"));
        } catch (RuntimeException e) {
            LOG.warn("Health check: database unreachable", e);
            return HttpResponse.<Map<String, String>>status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("status", "DOWN"));
        }
    }
}
