package com.oktoslack.approvals;

import com.oktoslack.testing.FakeSlack;
import com.oktoslack.testing.SlackRequests;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two app instances on one database, as two replicas are: webhooks and clicks reach either one, and the
 * background work of both runs on the one job engine.
 */
@MicronautTest(transactional = false)
class ApprovalReplicasTest extends ApprovalsTestBase {

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(super.extraProperties());
        // A busy machine may miss a few of the tests' quick heartbeats; no instance is killed here.
        properties.put("okto.jobs.missed-heartbeats", "40");
        return properties;
    }

    @Test
    void deliveriesToBothInstancesCardEveryItemOnce() throws Exception {
        try (EmbeddedServer second = second()) {
            ApprovalClient other = new ApprovalClient(second.getURI(), new SlackRequests(second.getURI()), slack);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String id = world.messageItem("Replicated " + i);
                ids.add(id);
                // Each delivery twice, once to each instance, as Oktopost retrying on another replica would.
                assertEquals(200, (i % 2 == 0 ? client : other).newItem(id, world.workflowId).statusCode());
                assertEquals(200, (i % 2 == 0 ? other : client).newItem(id, world.workflowId).statusCode());
            }
            for (String id : ids) {
                Cards.await(slack, ApprovalWorld.CHANNEL, id);
            }
            awaitQuiet();
            for (String id : ids) {
                assertEquals(1, Cards.posts(slack, ApprovalWorld.CHANNEL, id), "one channel card for " + id);
            }
        }
    }

    @Test
    void approvePressedOnBothInstancesAtOnceMakesOneDecisionCall() throws Exception {
        try (EmbeddedServer second = second()) {
            ApprovalClient other = new ApprovalClient(second.getURI(), new SlackRequests(second.getURI()), slack);
            String id = world.messageItem("Pressed twice");
            client.newItem(id, world.workflowId);
            FakeSlack.Message card = Cards.await(slack, ApprovalWorld.CHANNEL, id);
            awaitQuiet();
            oktopost.reset();
            slack.reset();

            CountDownLatch ready = new CountDownLatch(2);
            CompletableFuture<HttpResponse<String>> ann = CompletableFuture.supplyAsync(() -> {
                ready.countDown();
                await(ready);
                return client.press(ApprovalWorld.ANN, card, ApprovalCards.APPROVE_ACTION);
            });
            CompletableFuture<HttpResponse<String>> bob = CompletableFuture.supplyAsync(() -> {
                ready.countDown();
                await(ready);
                return other.press(ApprovalWorld.BOB, card, ApprovalCards.APPROVE_ACTION);
            });
            assertEquals(200, ann.get(10, TimeUnit.SECONDS).statusCode());
            assertEquals(200, bob.get(10, TimeUnit.SECONDS).statusCode());

            FakeSlack.Message decided = Cards.awaitCard(slack, ApprovalWorld.CHANNEL, id,
                    m -> Cards.text(m).contains("Waiting at *Step 2 of 3: Manager Confirmation*"));
            awaitQuiet();
            assertEquals(1, oktopost.count("POST", "/workflow-item/" + id), "one decision call");
            String credited = oktopost.last("POST", "/workflow-item/" + id).param("note").contains("U0ANN")
                    ? ApprovalWorld.ANN : ApprovalWorld.BOB;
            String refused = credited.equals(ApprovalWorld.ANN) ? ApprovalWorld.BOB : ApprovalWorld.ANN;
            assertTrue(Cards.text(decided).contains("Step 1 of 3: Review approved by <@" + credited + ">"), Cards.text(decided));
            FakeSlack.Call told = slack.await("response_url", c -> c.param("response_id").startsWith(refused + "-"),
                    Duration.ofSeconds(10));
            assertTrue(told.param("text").equals("<@" + credited + "> is deciding on this right now.")
                    || told.param("text").startsWith("This card is out of date"), told.param("text"));
            assertEquals(0, count("SELECT COUNT(*) FROM approval_intent WHERE slot = 'live'"));
        }
    }

    /** Another instance on this class's database, with a server of its own. */
    private EmbeddedServer second() {
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put("micronaut.server.port", "-1");
        return ApplicationContext.run(EmbeddedServer.class, properties, Environment.TEST);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
