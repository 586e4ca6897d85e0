package com.oktoslack.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.oktoslack.testing.AppTestBase;
import com.oktoslack.testing.SlackRequests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class SlackEventsTest extends AppTestBase {

    @Test
    void helpListsEverySubcommand() {
        HttpResponse<String> response = slackRequests().slashCommand("U1", "help", slack.responseUrl("r1"));

        assertEquals(200, response.statusCode());
        String text = text(response);
        assertTrue(text.contains("`/okto link`"), text);
        assertTrue(text.contains("`/okto whoami`"), text);
        assertTrue(text.contains("`/okto route <workflow|stories> #channel|off`"), text);
    }

    static String text(HttpResponse<String> response) {
        try {
            return new ObjectMapper().readTree(response.body()).get("text").asText();
        } catch (Exception e) {
            throw new AssertionError("not a JSON answer: " + response.body(), e);
        }
    }

    @Test
    void unknownSubcommandAnswersWithTheCommandList() {
        HttpResponse<String> response = slackRequests().slashCommand("U1", "frobnicate now", slack.responseUrl("r2"));

        assertEquals(200, response.statusCode());
        String text = text(response);
        assertTrue(text.startsWith("I don't know `/okto frobnicate`"), text);
        assertTrue(text.contains("`/okto link`"), text);
    }

    @Test
    void forgedSignatureIsRejected() {
        String body = "command=%2Fokto&text=help&user_id=U1&team_id=T0TEST";
        HttpResponse<String> response = slackRequests().post(body, "application/x-www-form-urlencoded",
                Instant.now().getEpochSecond(), "not-the-secret");

        assertEquals(401, response.statusCode());
    }

    @Test
    void staleRequestIsRejectedEvenWhenSigned() {
        String body = "command=%2Fokto&text=help&user_id=U1&team_id=T0TEST";
        long sixMinutesAgo = Instant.now().minusSeconds(360).getEpochSecond();
        HttpResponse<String> response = slackRequests().post(body, "application/x-www-form-urlencoded",
                sixMinutesAgo, SlackRequests.SIGNING_SECRET);

        assertEquals(401, response.statusCode());
    }

    @Test
    void unsignedRequestIsRejected() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("command=%2Fokto&text=help"))
                .build();
        HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(401, response.statusCode());
    }

    @Test
    void urlVerificationEchoesTheChallenge() {
        String body = "{\"token\":\"x\",\"challenge\":\"ch4ll3nge-\u00e9\",\"type\":\"url_verification\"}";
        HttpResponse<String> response = slackRequests().post(body, "application/json",
                Instant.now().getEpochSecond(), SlackRequests.SIGNING_SECRET);

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("ch4ll3nge-\u00e9"), response.body());
    }

    @Test
    void signatureCoversTheRawBodyWithReservedCharacters() {
        HttpResponse<String> response = slackRequests().slashCommand("U1", "help +*%21 & = ü 🎉", slack.responseUrl("r3"));

        assertEquals(200, response.statusCode());
        assertFalse(response.body().isBlank());
    }
}
