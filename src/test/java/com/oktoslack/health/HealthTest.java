package com.oktoslack.health;

import com.oktoslack.testing.AppTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

@MicronautTest(transactional = false)
class HealthTest extends AppTestBase {

    @Test
    void upWhenTheDatabaseAnswers() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.getURI().resolve("/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("{\"status\":\"UP\"}", response.body());
    }
}
