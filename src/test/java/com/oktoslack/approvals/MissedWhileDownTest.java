package com.oktoslack.approvals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oktoslack.people.People;
import com.oktoslack.slack.ChannelRoutes;
import com.oktoslack.testing.FakeOktopost;
import com.oktoslack.testing.FakeSlack;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Items sent to approval while the app was down (Oktopost's deliveries failed) get their cards once the app
 * is back, from Oktopost's webhook log; items whose delivery did arrive are not carded again.
 */
class MissedWhileDownTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void itemsSentWhileTheAppWasDownAreCardedOnceAfterItComesBack() throws Exception {
        String database = "jdbc:sqlite:target/test-db/missed-" + UUID.randomUUID() + ".db";
        try (FakeOktopost oktopost = FakeOktopost.start(); FakeSlack slack = FakeSlack.start()) {
            ApprovalWorld world = new ApprovalWorld(oktopost, slack);
            ObjectNode webhook = oktopost.addWebhook(ApprovalWebhooks.NEW_ITEM, "http://127.0.0.1:9/oktopost/webhooks");
            Map<String, Object> properties = new HashMap<>();
            properties.put("oktopost.base-url", oktopost.baseUrl());
            properties.put("slack.api-url", slack.apiUrl());
            properties.put("datasources.default.url", database);
            properties.put("oktopost.webhook-secrets", webhook.get("Secret").asText());
            properties.put("okto.approvals.reconcile-delay", "1h");

            String delivered = world.messageItem("Delivered while up");
            try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
                People people = first.getApplicationContext().getBean(People.class);
                people.link(ApprovalWorld.ANN);
                first.getApplicationContext().getBean(ChannelRoutes.class)
                        .set(ChannelRoutes.workflowKey(world.workflowId), ApprovalWorld.CHANNEL, "Marketing", "U0ADMIN");
                webhook.put("Url", first.getURI().resolve("/oktopost/webhooks").toString());
                assertEquals(200, oktopost.webhookLog().deliver(webhook, newItem(delivered, world.workflowId)));
                Cards.await(slack, ApprovalWorld.CHANNEL, delivered);
            }

            // Down: Oktopost's deliveries find nobody, and its log says so.
            String missedOne = world.messageItem("Sent while down 1");
            String missedTwo = world.postItem("Sent while down 2", Instant.now().plusSeconds(86_400));
            assertEquals(0, oktopost.webhookLog().deliver(webhook, newItem(missedOne, world.workflowId)));
            assertEquals(0, oktopost.webhookLog().deliver(webhook, newItem(missedTwo, world.workflowId)));
            // An earlier attempt of the delivery that arrived failed; the log shows both, under one payload id.
            String arrived = oktopost.webhookLog().entries(webhook.get("Id").asText()).get(2).get("WebhookPayloadId").asText();
            oktopost.webhookLog().record(webhook.get("Id").asText(), arrived, 503, newItem(delivered, world.workflowId));
            // The same item delivered again under another payload id, which failed: stored, and still carded once.
            oktopost.webhookLog().record(webhook.get("Id").asText(), "0WB000000000777", 500, newItem(delivered, world.workflowId));

            Map<String, Object> back = new HashMap<>(properties);
            back.put("okto.webhooks.catch-up-delay", "1s");
            back.put("okto.webhooks.catch-up-every", "1s");
            try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, back, "test")) {
                webhook.put("Url", second.getURI().resolve("/oktopost/webhooks").toString());
                Cards.await(slack, ApprovalWorld.CHANNEL, missedOne);
                Cards.await(slack, ApprovalWorld.CHANNEL, missedTwo);
                int logReads = oktopost.count("GET", "/webhook-log");
                Cards.until("the webhook log read twice more", () -> oktopost.count("GET", "/webhook-log") >= logReads + 2);

                for (String id : List.of(delivered, missedOne, missedTwo)) {
                    assertEquals(1, Cards.posts(slack, ApprovalWorld.CHANNEL, id), "one channel card for " + id);
                }
            }
        }
    }

    private static ObjectNode newItem(String entityId, String workflowId) throws Exception {
        return (ObjectNode) JSON.readTree(ApprovalClient.event(ApprovalWebhooks.NEW_ITEM, entityId, workflowId));
    }
}
