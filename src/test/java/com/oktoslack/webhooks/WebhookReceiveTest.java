package com.oktoslack.webhooks;

import com.oktoslack.testing.AppTestBase;
import com.oktoslack.testing.WebhookDeliveries;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import com.oktoslack.jobs.Jobs;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class WebhookReceiveTest extends AppTestBase {

    static final String SECRET = "s3cret-from-oktopost";

    @Inject
    RecordingWebhookHandler handler;
    @Inject
    InboxRepository inbox;
    @Inject
    Jobs jobs;

    Deliveries deliveries;

    /** Raw deliveries signed in X-Oktopost-Secret, the webhook 0WA000000000001 unless named. */
    record Deliveries(URI server) {
        HttpResponse<String> send(String body, String secret, String payloadIds) {
            return send(body, secret, payloadIds, "0WA000000000001");
        }

        HttpResponse<String> send(String body, String secret, String payloadIds, String webhookId) {
            return WebhookDeliveries.send(server, body, secret, payloadIds, webhookId);
        }
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("spec.name", "webhooks", "oktopost.webhook-secrets", "other-secret, " + SECRET);
    }

    @BeforeEach
    void clean() {
        deliveries = new Deliveries(server.getURI());
        inbox.deleteAll();
        handler.handled.clear();
        handler.batchSizes.clear();
        handler.failuresToGo.set(0);
    }

    @Test
    void signedEventIsStoredAnsweredAndHandedToItsFeature() {
        HttpResponse<String> response = deliveries.send(WebhookDeliveries.event("testItemCreated", "005A"), SECRET, "0WB1");

        assertEquals(200, response.statusCode());
        assertEquals("{\"accepted\":1,\"duplicates\":0,\"dropped\":0}", response.body());
        await(() -> handler.handled.size() == 1);
        WebhookEvent event = handler.handled.get(0);
        assertEquals("testItemCreated", event.type());
        assertEquals("005A", event.field("entityId").orElseThrow());
        await(() -> inbox.countByStatus(InboxEntry.DONE) == 1);
    }

    @Test
    void repeatedDeliveryIsRecognisedAndHandledOnce() {
        String body = WebhookDeliveries.event("testItemCreated", "005B");
        deliveries.send(body, SECRET, "0WB2");
        HttpResponse<String> again = deliveries.send(body, SECRET, "0WB2");
        HttpResponse<String> againWithoutHeader = deliveries.send(body, SECRET, null);
        HttpResponse<String> sameBodyNoHeaderAgain = deliveries.send(body, SECRET, null);

        assertEquals("{\"accepted\":0,\"duplicates\":1,\"dropped\":0}", again.body());
        assertEquals("{\"accepted\":1,\"duplicates\":0,\"dropped\":0}", againWithoutHeader.body());
        assertEquals("{\"accepted\":0,\"duplicates\":1,\"dropped\":0}", sameBodyNoHeaderAgain.body());
        await(() -> inbox.countByStatus(InboxEntry.DONE) == 2);
        assertEquals(2, handler.handled.size());
    }

    @Test
    void forgedOrUnsignedDeliveryIs401AndStoresNothing() {
        String body = WebhookDeliveries.event("testItemCreated", "005C");

        assertEquals(401, deliveries.send(body, "wrong-secret", null).statusCode());
        assertEquals(401, deliveries.send(body, null, null).statusCode());
        assertEquals(0, inbox.count());
    }

    @Test
    void malformedBodyIs400() {
        assertEquals(400, deliveries.send("{not json", SECRET, null).statusCode());
        assertEquals(400, deliveries.send("[]", SECRET, null).statusCode());
        assertEquals(400, deliveries.send("[1,2]", SECRET, null).statusCode());
        assertEquals(0, inbox.count());
    }

    @Test
    void oversizedBodyIs413() {
        String huge = "{\"event\":\"newApprovalItem\",\"data\":{\"Text\":\"" + "x".repeat(300_000) + "\"}}";

        assertEquals(413, deliveries.send(huge, SECRET, null).statusCode());
        assertEquals(0, inbox.count());
    }

    @Test
    void anArrayOfEventsIsStoredAsSeparateEventsAndBatchedToTheHandler() {
        String body = "[" + WebhookDeliveries.event("testItemCreated", "005D") + ","
                + WebhookDeliveries.event("testItemApproved", "005E") + "," + WebhookDeliveries.event("postSent", "004F") + "]";

        HttpResponse<String> response = deliveries.send(body, SECRET, "0WB4,0WB5,0WB6");

        assertEquals("{\"accepted\":3,\"duplicates\":0,\"dropped\":0}", response.body());
        await(() -> handler.handled.size() == 2);
        await(() -> inbox.countByStatus(InboxEntry.IGNORED) == 1);
        assertEquals(List.of(2), handler.batchSizes, "both events of the handler's types arrive in one batch");
    }

    @Test
    void aDeliveryNamingNoEventIsHandledAsTheEventItsWebhookIsSetUpForInOktopost() {
        String webhookId = oktopost.addWebhook("testItemCreated", "https://okto.example.com/oktopost/webhooks").get("Id").asText();
        String body = "[{\"EntityId\":\"005N\",\"WorkflowId\":\"cwf1\",\"StepId\":\"cws1\"}]";
        int listedBefore = oktopost.count("GET", "/webhook");

        assertEquals(200, deliveries.send(body, SECRET, null, webhookId).statusCode());
        assertEquals(200, deliveries.send(body.replace("005N", "005O"), SECRET, null, webhookId).statusCode());

        await(() -> handler.handled.size() == 2);
        assertEquals("testItemCreated", handler.handled.get(0).type());
        assertEquals(List.of("005N", "005O"), handler.handled.stream().map(e -> e.field("entityId").orElseThrow()).toList());
        assertEquals(listedBefore + 1, oktopost.count("GET", "/webhook"), "the webhook's type is read from Oktopost once");
    }

    @Test
    void aDeliveryNamingNoEventFromAWebhookOktopostDoesNotKnowIsIgnored() {
        deliveries.send("{\"EntityId\":\"005P\"}", SECRET, null, "0WA0000000000XX");

        await(() -> inbox.countByStatus(InboxEntry.IGNORED) == 1);
        assertEquals(0, handler.handled.size());
    }

    @Test
    void aFailingHandlerGetsTheEventAgainLater() {
        handler.failuresToGo.set(1);
        deliveries.send(WebhookDeliveries.event("testItemCreated", "005G"), SECRET, null);

        await(() -> inbox.findAll().iterator().hasNext() && inbox.findAll().iterator().next().attempts() == 1);
        InboxEntry failed = inbox.findAll().iterator().next();
        assertEquals(InboxEntry.PENDING, failed.status());
        assertTrue(failed.lastError().contains("on purpose"));
        assertEquals(0, handler.handled.size());

        inbox.update(failed.retryAt(Instant.now().minusSeconds(1), failed.attempts(), InboxEntry.PENDING, failed.lastError()));
        jobs.nudge(WebhookWorker.KIND);

        // A scheduled drain may hold the worker at this moment; then it hands the event over instead.
        await(() -> handler.handled.size() == 1);
        await(() -> InboxEntry.DONE.equals(inbox.findById(failed.id()).orElseThrow().status()));
    }

    static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within 10 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
