package com.oktoslack.health;

import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.testing.AppTestBase;
import com.slack.api.methods.MethodsClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /metrics in Prometheus's text format, with what each edge counts, and no secret in it. */
@MicronautTest(transactional = false)
class MetricsTest extends AppTestBase {

    private static final String WEBHOOK_SECRET = "metrics-webhook-secret";

    @Inject
    Oktopost okto;

    @Inject
    MethodsClient slackMethods;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("oktopost.webhook-secrets", WEBHOOK_SECRET);
    }

    @Test
    void oktopostCallsByEndpointAndStatusAndTheBudgetLeft() throws Exception {
        double before = value(scrape(), "oktopost_calls_total\\{endpoint=\"GET /me\",status=\"200\"\\}");
        okto.me();
        oktopost.failNext(503, 1);
        try {
            okto.me();
        } catch (RuntimeException expected) {
            // retried: a 503, then a 200
        }

        String metrics = scrape();
        assertEquals(before + 2, value(metrics, "oktopost_calls_total\\{endpoint=\"GET /me\",status=\"200\"\\}"));
        assertEquals(1, value(metrics, "oktopost_calls_total\\{endpoint=\"GET /me\",status=\"503\"\\}"));
        assertEquals(okto.budget().remaining(), value(metrics, "oktopost_budget_remaining"));
    }

    @Test
    void slackAckLatencyAndWebApiCallsByMethod() throws Exception {
        slackRequests().slashCommand("U0METRICS", "help", slack.responseUrl("metrics"));
        slackMethods.chatPostMessage(r -> r.channel("C0METRICS").text("hello"));

        String metrics = scrape();
        assertTrue(value(metrics, "slack_ack_seconds_count\\{type=\"Command\"\\}") >= 1, metrics);
        assertTrue(value(metrics, "slack_api_calls_total\\{method=\"chat.postMessage\",outcome=\"ok\"\\}") >= 1, metrics);
        assertTrue(value(metrics, "okto_cards_posted_total") >= 1, metrics);
    }

    @Test
    void webhooksByOutcome() throws Exception {
        String body = "{\"event\":\"metricsProbe\",\"timestamp\":1700000000,\"data\":{\"EntityId\":\"m1\"}}";
        assertEquals(200, webhook(body, sign(body)).statusCode());
        assertEquals(401, webhook(body, "0".repeat(40)).statusCode());

        String metrics = scrape();
        assertEquals(1, value(metrics, "okto_webhooks_total\\{outcome=\"accepted\",status=\"200\"\\}"));
        assertEquals(1, value(metrics, "okto_webhooks_total\\{outcome=\"refused\",status=\"401\"\\}"));
    }

    @Test
    void noSecretInAnyMetric() throws Exception {
        okto.me();
        slackRequests().slashCommand("U0METRICS", "help", slack.responseUrl("metrics"));
        String metrics = scrape();
        for (String secret : new String[]{"test-api-key", "xoxb-test-token", "test-signing-secret", WEBHOOK_SECRET}) {
            assertFalse(metrics.contains(secret), secret + " appears in /metrics");
        }
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.getURI().resolve("/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        return response.body();
    }

    private HttpResponse<String> webhook(String body, String signature) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.getURI().resolve("/oktopost/webhooks"))
                        .header("Content-Type", "application/json").header("X-Oktopost-Secret", signature)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String sign(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** The sample's value, 0 when the series is not there yet. */
    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
