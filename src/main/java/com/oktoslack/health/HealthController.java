package com.oktoslack.health;

import com.oktoslack.oktopost.OktopostHealth;
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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a load balancer or orchestrator polls. {@code /health}: up when the database answers (the stable
 * contract). {@code /health/liveness}: the process serves HTTP, so restarting it would not help.
 * {@code /health/readiness}: it can do its work, so the database answers and Oktopost accepts the credentials.
 */
@Controller("/health")
class HealthController {

    private static final Logger LOG = LoggerFactory.getLogger(HealthController.class);
    private static final String UP = "UP";
    private static final String DOWN = "DOWN";

    private final ConnectionOperations<Connection> connections;
    private final OktopostHealth oktopost;

    HealthController(ConnectionOperations<Connection> connections, OktopostHealth oktopost) {
        this.connections = connections;
        this.oktopost = oktopost;
    }

    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<Map<String, String>> health() {
        return answer(Map.of("status", databaseAnswers() ? UP : DOWN));
    }

    @Get("/liveness")
    HttpResponse<Map<String, String>> liveness() {
        return answer(Map.of("status", UP));
    }

    @Get("/readiness")
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<Map<String, String>> readiness() {
        boolean database = databaseAnswers();
        boolean credentials = oktopost.credentialsAccepted();
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", database && credentials ? UP : DOWN);
        body.put("database", database ? UP : DOWN);
        body.put("oktopost", credentials ? UP : DOWN);
        return answer(body);
    }

    private boolean databaseAnswers() {
        try {
            connections.executeRead(status -> {
                try (Statement statement = status.getConnection().createStatement()) {
                    return statement.execute("SELECT 1");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Health check: database unreachable", e);
            return false;
        }
    }

    private static HttpResponse<Map<String, String>> answer(Map<String, String> body) {
        return UP.equals(body.get("status")) ? HttpResponse.ok(body)
                : HttpResponse.<Map<String, String>>status(HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }
}
