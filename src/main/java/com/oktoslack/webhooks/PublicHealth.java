package com.oktoslack.webhooks;

import com.oktoslack.slack.UserFacingException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Before webhooks point at an address, checks that this app answers there: {@code GET <base>/health} must give
 * 200, or Oktopost would send its events into the void.
 */
@Singleton
class PublicHealth {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    void requireReachable(String base) {
        URI health = URI.create(base.replaceAll("/+$", "") + "/health");
        int status;
        try {
            status = http.send(HttpRequest.newBuilder(health).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UserFacingException("I could not reach `" + health + "` (" + why(e) + "), so Oktopost could not "
                    + "either. Give the app's public https address, where `/health` answers.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserFacingException("Checking `" + health + "` was interrupted; please try again.");
        }
        if (status != 200) {
            throw new UserFacingException("`" + health + "` answered " + status + ", not 200, so it is not okto-slack "
                    + "there. Give the app's public https address, where `/health` answers.");
        }
    }

    private static String why(IOException e) {
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer within " + TIMEOUT.toSeconds() + " s";
        }
        if (e instanceof javax.net.ssl.SSLException) {
            return "its TLS certificate was not accepted";
        }
        return "no connection";
    }
}
