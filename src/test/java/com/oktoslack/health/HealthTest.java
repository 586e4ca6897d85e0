package com.oktoslack.health;

import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.testing.AppTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@MicronautTest(transactional = false)
class HealthTest extends AppTestBase {

    @Inject
    Oktopost okto;

    @Test
    void upWhenTheDatabaseAnswers() throws Exception {
        HttpResponse<String> response = get("/health");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("{\"status\":\"UP\"}", response.body());
    }

    @Test
    void livenessAndReadinessAreUpWhenAllIsWell() throws Exception {
        assertEquals(200, get("/health/liveness").statusCode());
        HttpResponse<String> readiness = get("/health/readiness");
        assertEquals(200, readiness.statusCode(), readiness.body());
        assertEquals("{\"status\":\"UP\",\"database\":\"UP\",\"oktopost\":\"UP\"}", readiness.body());
    }

    @Test
    void notReadyWhileOktopostRejectsTheCredentialsButStillLive() throws Exception {
        oktopost.failNext(401, 1);
        assertThrows(RuntimeException.class, () -> okto.me());

        HttpResponse<String> readiness = get("/health/readiness");
        assertEquals(503, readiness.statusCode(), readiness.body());
        assertEquals("{\"status\":\"DOWN\",\"database\":\"UP\",\"oktopost\":\"DOWN\"}", readiness.body());
        assertEquals(200, get("/health/liveness").statusCode());
        assertEquals(200, get("/health").statusCode(), "the database still answers");

        okto.me();
        assertEquals(200, get("/health/readiness").statusCode(), "accepted again");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.getURI().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
