package com.oktoslack.approvals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oktoslack.people.People;
import com.oktoslack.slack.ChannelRoutes;
import com.oktoslack.testing.AppTestBase;
import com.oktoslack.testing.FakeOktopost;
import com.oktoslack.testing.WebhookDeliveries;
import com.oktoslack.testing.WebhookDeliveries.Reading;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Junk cannot crowd out real work: a delivery naming thousands of ids Oktopost does not know, or a backlog of
 * them, costs a bounded number of calls, a real item delivered after it is carded within seconds, and no
 * window of Oktopost's limits ever holds more calls than the app's pace allows.
 */
@MicronautTest(transactional = false)
class BoundedWorkTest extends AppTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Reading KNOWLEDGE_BASE = new Reading(WebhookDeliveries.Header.SECRET,
            WebhookDeliveries.Body.ARRAY, WebhookDeliveries.Objects.FLAT);

    @Inject
    People people;
    @Inject
    ChannelRoutes routes;
    @Value("${oktopost.limits.per-minute}")
    int perMinute;
    @Value("${oktopost.limits.per-five-seconds}")
    int perFiveSeconds;

    ApprovalWorld world;
    ApprovalClient client;
    WebhookDeliveries deliveries;

    @Override
    protected Map<String, String> extraProperties() {
        // The app's default pace (85% of Oktopost's limits), which tests otherwise lift to the documented limits.
        return Map.of("oktopost.webhook-secrets", ApprovalClient.WEBHOOK_SECRET,
                "oktopost.limits.per-minute", "51", "oktopost.limits.per-five-seconds", "102",
                "okto.approvals.reconcile-delay", "1h", "okto.approvals.publish-every", "1h",
                // A busy machine may miss a few of the tests' quick heartbeats; no instance is stopped here.
                "okto.jobs.missed-heartbeats", "40");
    }

    @BeforeAll
    void seed() throws Exception {
        world = new ApprovalWorld(oktopost, slack);
        people.link(ApprovalWorld.ANN);
        routes.set(ChannelRoutes.workflowKey(world.workflowId), ApprovalWorld.CHANNEL, "Workflow Marketing", "U0ADMIN");
        client = new ApprovalClient(server.getURI(), slackRequests(), slack);
        deliveries = new WebhookDeliveries(server.getURI(), oktopost, ApprovalClient.WEBHOOK_SECRET, KNOWLEDGE_BASE);
    }

    @Test
    void aDeliveryOf15000UnknownIdsIsCutAndARealItemDeliveredNextIsCardedWithin10Seconds() {
        oktopost.reset();
        HttpResponse<String> junk = deliveries.send(ApprovalWebhooks.NEW_ITEM, unknownIds("j", 15_000));

        assertEquals(200, junk.statusCode(), junk.body());
        assertEquals("{\"accepted\":500,\"duplicates\":0,\"dropped\":14500}", junk.body());
        realItemIsCardedWithin10Seconds("After the big delivery");
        assertWithinLimits(oktopost.requests());
    }

    @Test
    void aBacklogOf15000UnknownIdsDoesNotStarveARealItemDeliveredAfterIt() {
        oktopost.reset();
        for (int delivery = 0; delivery < 30; delivery++) {
            HttpResponse<String> junk = deliveries.send(ApprovalWebhooks.NEW_ITEM, unknownIds("b" + delivery + "x", 500));
            assertTrue(junk.body().startsWith("{\"accepted\":500,"), junk.body());
        }

        realItemIsCardedWithin10Seconds("After the backlog");
        assertTrue(oktopost.count("GET", "/workflow-item") <= 30,
                "one list read answers for many batches: " + oktopost.count("GET", "/workflow-item"));
        assertEquals(0, oktopost.count("GET", "/message/"), "no call per id");
        assertWithinLimits(oktopost.requests());
    }

    private void realItemIsCardedWithin10Seconds(String text) {
        String real = world.messageItem(text);
        client.newItem(real, world.workflowId);
        Cards.until("the real item's card", () -> slack.messages().values().stream()
                .anyMatch(m -> ApprovalWorld.CHANNEL.equals(m.channel()) && Cards.isCardOf(m, real)), 10);
        assertTrue(Cards.text(Cards.in(slack, ApprovalWorld.CHANNEL, real)).contains(text));
    }

    private void assertWithinLimits(List<FakeOktopost.RecordedRequest> requests) {
        List<Instant> at = requests.stream().map(FakeOktopost.RecordedRequest::at).sorted().toList();
        assertTrue(busiest(at, Duration.ofSeconds(60)) <= perMinute, "calls in one minute: " + busiest(at, Duration.ofSeconds(60)));
        assertTrue(busiest(at, Duration.ofSeconds(5)) <= perFiveSeconds, "calls in 5 s: " + busiest(at, Duration.ofSeconds(5)));
    }

    /** The most calls any window of this length holds. */
    static int busiest(List<Instant> sorted, Duration window) {
        int most = 0;
        for (int first = 0, last = 0; last < sorted.size(); last++) {
            while (!sorted.get(first).plus(window).isAfter(sorted.get(last))) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }

    private static List<ObjectNode> unknownIds(String prefix, int count) {
        List<ObjectNode> objects = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            objects.add(JSON.createObjectNode().put("Id", prefix + String.format("%05d", i)));
        }
        return objects;
    }
}
