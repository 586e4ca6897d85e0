package com.oktoslack.webhooks;

import com.oktoslack.testing.FakeOktopost;
import com.oktoslack.testing.FakeSlack;
import com.oktoslack.testing.WebhookDeliveries;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Events accepted but not yet handled when the process stops are handled after the next start. */
class WebhookRestartTest {

    @Test
    void pendingEventsResumeAfterARestart() {
        String database = "jdbc:sqlite:target/test-db/restart-" + UUID.randomUUID() + ".db";
        try (FakeOktopost oktopost = FakeOktopost.start(); FakeSlack slack = FakeSlack.start()) {
            Map<String, Object> properties = new HashMap<>();
            properties.put("spec.name", "webhooks");
            properties.put("oktopost.base-url", oktopost.baseUrl());
            properties.put("slack.api-url", slack.apiUrl());
            properties.put("datasources.default.url", database);
            properties.put("oktopost.webhook-secrets", WebhookReceiveTest.SECRET);

            Map<String, Object> stalledWorker = new HashMap<>(properties);
            stalledWorker.put("okto.webhooks.gather-for", "1h");
            stalledWorker.put("okto.webhooks.poll-every", "1h");
            stalledWorker.put("okto.webhooks.gather-at-most", "1h");
            try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, stalledWorker, "test")) {
                WebhookReceiveTest.Deliveries deliveries = new WebhookReceiveTest.Deliveries(first.getURI());
                assertEquals(200, deliveries.send(WebhookDeliveries.event("testItemCreated", "005R1"), WebhookReceiveTest.SECRET, null).statusCode());
                assertEquals(200, deliveries.send(WebhookDeliveries.event("testItemCreated", "005R2"), WebhookReceiveTest.SECRET, null).statusCode());
                RecordingWebhookHandler handler = first.getApplicationContext().getBean(RecordingWebhookHandler.class);
                assertEquals(0, handler.handled.size());
            }

            try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
                RecordingWebhookHandler handler = second.getApplicationContext().getBean(RecordingWebhookHandler.class);
                WebhookReceiveTest.await(() -> handler.handled.size() == 2);
                assertEquals("005R1", handler.handled.get(0).field("EntityId").orElseThrow());
                assertEquals("005R2", handler.handled.get(1).field("EntityId").orElseThrow());
            }
        }
    }
}
