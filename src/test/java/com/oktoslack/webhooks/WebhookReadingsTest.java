package com.oktoslack.webhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oktoslack.testing.AppTestBase;
import com.oktoslack.testing.WebhookDeliveries;
import com.oktoslack.testing.WebhookDeliveries.Header;
import com.oktoslack.testing.WebhookDeliveries.Reading;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Deliveries in each reading of Oktopost's sources: signature header, body shape, objects flat or nested. */
@MicronautTest(transactional = false)
class WebhookReadingsTest extends AppTestBase {

    @Inject
    RecordingWebhookHandler handler;
    @Inject
    InboxRepository inbox;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("spec.name", "webhooks", "oktopost.webhook-secrets", WebhookReceiveTest.SECRET);
    }

    @TestFactory
    Stream<DynamicTest> eachReading() {
        return Reading.all().stream().map(reading -> DynamicTest.dynamicTest(reading.toString(), () -> {
            clean();
            aSignedDeliveryIsAcceptedAndHandedOverAsItsEventWithItsIds(reading);
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachHeader() {
        return Stream.of(Header.values()).flatMap(header -> Stream.of(
                test("forged, tampered, unsigned refused in " + header, header, this::forgedTamperedAndUnsignedDeliveriesAreRefusedInEitherHeader),
                test("bad body 400 in " + header, header, this::aBadBodyWithAGoodSignatureIs400WithoutDetail)));
    }

    private DynamicTest test(String name, Header header, Consumer<Header> body) {
        return DynamicTest.dynamicTest(name, () -> {
            clean();
            body.accept(header);
        });
    }

    @BeforeEach
    void clean() {
        WebhookReceiveTest.await(() -> inbox.countByStatus(InboxEntry.PENDING) == 0);
        inbox.deleteAll();
        handler.handled.clear();
        handler.failuresToGo.set(0);
    }

    void aSignedDeliveryIsAcceptedAndHandedOverAsItsEventWithItsIds(Reading reading) {
        WebhookDeliveries deliveries = deliveries(reading);
        ObjectNode first = deliveries.approvalObject("Message", "004R1" + reading.hashCode(), "cwf1");
        ObjectNode second = deliveries.approvalObject("Post", "005R2" + reading.hashCode(), "cwf1");

        HttpResponse<String> response = deliveries.send("testItemCreated", List.of(first, second));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("{\"accepted\":2,\"duplicates\":0,\"dropped\":0}", response.body());
        WebhookReceiveTest.await(() -> handler.handled.size() == 2);
        for (WebhookEvent event : handler.handled) {
            assertEquals("testItemCreated", event.type());
        }
        assertEquals("004R1" + reading.hashCode(), handler.handled.get(0).field("MessageId")
                .or(() -> handler.handled.get(0).objectId("Message")).orElseThrow());
        assertEquals("005R2" + reading.hashCode(), handler.handled.get(1).field("PostId")
                .or(() -> handler.handled.get(1).objectId("Post")).orElseThrow());

    }

    void forgedTamperedAndUnsignedDeliveriesAreRefusedInEitherHeader(Header header) {
        WebhookDeliveries deliveries = deliveries(new Reading(header, WebhookDeliveries.Body.ENVELOPE,
                WebhookDeliveries.Objects.FLAT));
        String body = WebhookDeliveries.event("testItemCreated", "005F1");
        String tampered = body.replace("005F1", "005F2");
        String goodSignature = WebhookDeliveries.sign(WebhookReceiveTest.SECRET, body.getBytes());

        HttpResponse<String> forged = deliveries.send(body, "not-the-secret", null, "0WA000000000001", header);
        HttpResponse<String> unsigned = deliveries.send(body, null, null, "0WA000000000001", header);
        HttpResponse<String> changed = raw(header, tampered, goodSignature);

        assertEquals(401, forged.statusCode());
        assertEquals(401, unsigned.statusCode());
        assertEquals(401, changed.statusCode());
        assertEquals(200, raw(header, body, goodSignature).statusCode(), "the untampered body with the same signature");
        assertEquals(200, raw(header, tampered, WebhookDeliveries.sign(WebhookReceiveTest.SECRET, tampered.getBytes())
                .toUpperCase()).statusCode(), "hex in either case");
        WebhookReceiveTest.await(() -> handler.handled.size() == 2);
        assertEquals(2, inbox.count());
    }

    void aBadBodyWithAGoodSignatureIs400WithoutDetail(Header header) {
        WebhookDeliveries deliveries = deliveries(new Reading(header, WebhookDeliveries.Body.ARRAY,
                WebhookDeliveries.Objects.FLAT));
        for (String body : List.of("{not json", "[]", "[1,2]", "\"text\"", "{}", "[{\"a\":1}, 7]")) {
            HttpResponse<String> response = deliveries.send(body, WebhookReceiveTest.SECRET, null, "0WA000000000001", header);

            assertEquals(400, response.statusCode(), body);
            assertEquals("{\"error\":\"Malformed body\"}", response.body(), body);
        }
        for (String contentType : List.of("application/x-www-form-urlencoded", "text/plain", "application/xml")) {
            String body = "a=1&b=%ZZ<x/>";
            HttpResponse<String> response = raw(header, body, WebhookDeliveries.sign(WebhookReceiveTest.SECRET,
                    body.getBytes()), contentType);

            assertEquals(400, response.statusCode(), contentType + ": " + response.body());
            assertEquals("{\"error\":\"Malformed body\"}", response.body(), contentType);
        }
        assertEquals(0, inbox.count());
    }

    @Test
    void aDeliveryIsCutAtTheCapAndTheAnswerSaysHowManyWereDropped() {
        WebhookDeliveries deliveries = deliveries(Reading.SDK);
        List<ObjectNode> objects = new ArrayList<>();
        for (int i = 0; i < 520; i++) {
            objects.add(deliveries.approvalObject("Message", "004C" + i, "cwf1"));
        }
        HttpResponse<String> response = deliveries.send("testItemCreated", objects);

        assertEquals(200, response.statusCode());
        assertEquals("{\"accepted\":500,\"duplicates\":0,\"dropped\":20}", response.body());
        assertEquals(500, inbox.count());
        WebhookReceiveTest.await(() -> handler.handled.size() == 500);
        assertFalse(handler.handled.stream().anyMatch(e -> e.field("MessageId").orElseThrow().equals("004C500")));
    }

    private WebhookDeliveries deliveries(Reading reading) {
        return new WebhookDeliveries(server.getURI(), oktopost, WebhookReceiveTest.SECRET, reading);
    }

    private HttpResponse<String> raw(Header header, String body, String signature) {
        return raw(header, body, signature, "application/json");
    }

    private HttpResponse<String> raw(Header header, String body, String signature, String contentType) {
        HttpRequest request = HttpRequest.newBuilder(server.getURI().resolve("/oktopost/webhooks"))
                .header("Content-Type", contentType)
                .header(header == Header.SECRET ? "X-Oktopost-Secret" : "X-Oktopost-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
