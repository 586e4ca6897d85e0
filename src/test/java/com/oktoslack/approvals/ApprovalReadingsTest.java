package com.oktoslack.approvals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.testing.FakeSlack;
import com.oktoslack.testing.WebhookDeliveries;
import com.oktoslack.testing.WebhookDeliveries.Reading;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Approval webhooks in each reading of Oktopost's sources get their cards, and a decision made in Oktopost,
 * after which Oktopost no longer lists the item, shows as that decision (not as a removal).
 */
@MicronautTest(transactional = false)
class ApprovalReadingsTest extends ApprovalsTestBase {

    @Inject
    Oktopost api;

    @Override
    protected Map<String, String> extraProperties() {
        // Eight readings in one class make more calls than a minute allows; the limits are not what this is about.
        Map<String, String> properties = new HashMap<>(super.extraProperties());
        properties.put("oktopost.limits.per-minute", "1000");
        properties.put("oktopost.limits.per-five-seconds", "1000");
        return properties;
    }

    @BeforeAll
    void liftTheFakesLimits() {
        oktopost.rateLimits(1000, 1000, Duration.ofSeconds(1));
    }

    @TestFactory
    Stream<DynamicTest> eachReading() {
        return Reading.all().stream().map(reading -> DynamicTest.dynamicTest(reading.toString(), () -> {
            clearRecords();
            newItemsGetCardsAndDecisionsInOktopostShowAsSuch(reading);
        }));
    }

    private void newItemsGetCardsAndDecisionsInOktopostShowAsSuch(Reading reading) {
        WebhookDeliveries deliveries = new WebhookDeliveries(server.getURI(), oktopost, ApprovalClient.WEBHOOK_SECRET, reading);
        String message = world.messageItem("Message in " + reading);
        String post = world.postItem("Post in " + reading, Instant.now().plus(Duration.ofDays(2)));

        assertEquals(200, deliveries.send(ApprovalWebhooks.NEW_ITEM, deliveries.approvalObject("Message", message, world.workflowId)).statusCode());
        assertEquals(200, deliveries.send(ApprovalWebhooks.NEW_ITEM, deliveries.approvalObject("Post", post, world.workflowId)).statusCode());

        FakeSlack.Message messageCard = Cards.await(slack, ApprovalWorld.CHANNEL, message);
        assertTrue(Cards.text(messageCard).contains("Message in " + reading), Cards.text(messageCard));
        FakeSlack.Message postCard = Cards.await(slack, ApprovalWorld.CHANNEL, post);
        assertTrue(Cards.text(postCard).contains("Post in " + reading), Cards.text(postCard));
        awaitQuiet();

        // Decided in Oktopost, which then lists only the items still pending.
        decideAndDrop(message, "rejected");
        decideAndDrop(post, "approved");
        deliveries.send(ApprovalWebhooks.REJECTED, deliveries.approvalObject("Message", message, world.workflowId));
        deliveries.send(ApprovalWebhooks.APPROVED, deliveries.approvalObject("Post", post, world.workflowId));

        FakeSlack.Message rejected = Cards.awaitCard(slack, ApprovalWorld.CHANNEL, message,
                m -> !Cards.header(m).startsWith(":hourglass"));
        assertTrue(Cards.header(rejected).startsWith(":x: Rejected"), Cards.header(rejected));
        FakeSlack.Message approved = Cards.awaitCard(slack, ApprovalWorld.CHANNEL, post,
                m -> !Cards.header(m).startsWith(":hourglass"));
        assertTrue(Cards.header(approved).startsWith(":white_check_mark: Approved"), Cards.header(approved));
        assertFalse(Cards.text(rejected).contains("emoved"), Cards.text(rejected));
        awaitQuiet();
        assertEquals(1, Cards.posts(slack, ApprovalWorld.CHANNEL, message), "one channel card per item");
    }

    private void decideAndDrop(String entityId, String status) {
        ObjectNode item = oktopost.workflowItem(entityId).orElseThrow();
        item.put("Status", status);
        api.removeFromWorkflow(entityId);
    }
}
