package com.oktoslack.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Sends webhook deliveries the way Oktopost does, signed with a secret. */
final class WebhookDeliveries {

    private final URI endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    WebhookDeliveries(URI serverBase) {
        this.endpoint = serverBase.resolve("/oktopost/webhooks");
    }

    HttpResponse<String> send(String body, String secret, String payloadIds) {
        return send(body, secret, payloadIds, "0WA000000000001");
    }

    HttpResponse<String> send(String body, String secret, String payloadIds, String webhookId) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("X-Oktopost-Webhook", webhookId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (secret != null) {
            request.header("X-Oktopost-Secret", WebhookSignature.sign(secret, bytes));
        }
        if (payloadIds != null) {
            request.header("X-Oktopost-Payload", payloadIds);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String event(String type, String entityId) {
        return "{\"event\":\"" + type + "\",\"timestamp\":1700000000,\"webhookId\":\"0WA000000000001\","
                + "\"data\":{\"EntityId\":\"" + entityId + "\",\"WorkflowId\":\"cwf1\",\"StepId\":\"cws1\"}}";
    }
}
