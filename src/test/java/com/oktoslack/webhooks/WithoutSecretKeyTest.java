package com.oktoslack.webhooks;

import com.oktoslack.slack.UserFacingException;
import com.oktoslack.testing.AppTestBase;
import com.oktoslack.testing.FakeSlack;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Without {@code OKTO_SECRET_KEY} the app runs, but registers no webhook whose secret it would have to store;
 * {@code /okto webhooks connect} also wants https and an address where the app's {@code /health} answers.
 */
@MicronautTest(transactional = false)
class WithoutSecretKeyTest extends AppTestBase {

    static final String ADMIN = "U0ADMIN";

    @Inject
    WebhookRegistrations registrations;

    @BeforeEach
    void fresh() {
        slack.reset();
        oktopost.reset();
        slack.addUser(ADMIN, "admin@acme.example", "Ada Admin", "Europe/Berlin", true);
    }

    @Test
    void connectingIsRefusedAndSaysWhy() {
        String said = answer("webhooks connect https://okto.example.com");

        assertTrue(said.contains("OKTO_SECRET_KEY is not set"), said);
        assertTrue(oktopost.webhooks().isEmpty());
        UserFacingException refused = assertThrows(UserFacingException.class,
                () -> registrations.connect("https://okto.example.com/oktopost/webhooks"));
        assertTrue(refused.getMessage().contains("OKTO_SECRET_KEY"), refused.getMessage());
        assertEquals(0, oktopost.requests().stream().filter(r -> r.path().contains("webhook")).count());
    }

    @Test
    void aPlainHttpAddressIsRefusedAtOnce() {
        HttpResponse<String> response = slackRequests().slashCommand(ADMIN, "webhooks connect http://127.0.0.1:1", slack.responseUrl("http"));

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("not an https address"), response.body());
        assertTrue(oktopost.webhooks().isEmpty());
    }

    private String answer(String command) {
        String id = "r" + System.nanoTime();
        slackRequests().slashCommand(ADMIN, command, slack.responseUrl(id));
        FakeSlack.Call call = slack.await("response_url", c -> id.equals(c.param("response_id")), Duration.ofSeconds(10));
        return call.param("text");
    }
}
