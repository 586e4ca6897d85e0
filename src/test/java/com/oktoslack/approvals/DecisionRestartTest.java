package com.oktoslack.approvals;

import com.oktoslack.people.People;
import com.oktoslack.slack.ChannelRoutes;
import com.oktoslack.testing.FakeOktopost;
import com.oktoslack.testing.FakeSlack;
import com.oktoslack.testing.SlackRequests;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The process stops in the middle of a decision, as a kill would stop it, and a new one starts on the same
 * SQLite file: the decision is made once, credited to the person who clicked.
 */
class DecisionRestartTest {

    @Test
    void killedRightAfterTheApproveAckTheDecisionIsMadeAfterTheRestartOnceCreditedToTheClicker() throws Exception {
        String database = "jdbc:sqlite:target/test-db/decision-restart-" + UUID.randomUUID() + ".db";
        try (FakeOktopost oktopost = FakeOktopost.start(); FakeSlack slack = FakeSlack.start()) {
            ApprovalWorld world = new ApprovalWorld(oktopost, slack);
            Map<String, Object> properties = properties(oktopost, slack, database);
            String id = world.messageItem("Approved across a crash");

            Map<String, Object> dying = new HashMap<>(properties);
            dying.put("test.decisions.held", "true");
            try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, dying, "test")) {
                ApprovalClient client = seed(first, world, slack);
                client.newItem(id, world.workflowId);
                FakeSlack.Message card = Cards.await(slack, ApprovalWorld.CHANNEL, id);

                assertEquals(200, client.press(ApprovalWorld.ANN, card, ApprovalCards.APPROVE_ACTION).statusCode());
                assertEquals(1, count(database, "SELECT COUNT(*) FROM approval_intent WHERE slot = 'live' AND status = 'open'"),
                        "the click is stored before the ack");
            }
            assertEquals(0, oktopost.count("POST", "/workflow-item/" + id), "the process stopped before the decision call");

            try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
                FakeSlack.Message decided = Cards.awaitCard(slack, ApprovalWorld.CHANNEL, id,
                        m -> Cards.text(m).contains("Waiting at *Step 2 of 3: Manager Confirmation*"));
                assertTrue(Cards.text(decided).contains("Step 1 of 3: Review approved by <@U0ANN>"), Cards.text(decided));
                FakeSlack.Call told = slack.await("chat.postEphemeral", c -> ApprovalWorld.ANN.equals(c.param("user")),
                        Duration.ofSeconds(10));
                assertTrue(told.param("text").startsWith("Approved: the LinkedIn message at step 1 of 3: Review"), told.param("text"));
                Cards.until("the decision done", () -> count(database,
                        "SELECT COUNT(*) FROM approval_intent WHERE slot = 'live'") == 0);
            }
            assertEquals(1, oktopost.count("POST", "/workflow-item/" + id));
            FakeOktopost.RecordedRequest call = oktopost.last("POST", "/workflow-item/" + id);
            assertEquals("Approved in Slack by Ann Approver (Slack user U0ANN)", call.param("note"));
            assertEquals(world.review, call.param("stepId"));
            assertEquals(world.manager, oktopost.workflowItem(id).orElseThrow().path("StepId").asText());
        }
    }

    @Test
    void killedWhileTheDecisionCallWasInFlightTheRestartRecordsItWithoutASecondCall() throws Exception {
        String database = "jdbc:sqlite:target/test-db/decision-in-flight-" + UUID.randomUUID() + ".db";
        try (FakeOktopost oktopost = FakeOktopost.start(); FakeSlack slack = FakeSlack.start()) {
            ApprovalWorld world = new ApprovalWorld(oktopost, slack);
            Map<String, Object> properties = properties(oktopost, slack, database);
            String id = world.messageItem("Decided while the app died");
            CountDownLatch received = new CountDownLatch(1);
            CountDownLatch answer = new CountDownLatch(1);
            FakeSlack.Message card;

            EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, properties, "test");
            try {
                ApprovalClient client = seed(first, world, slack);
                client.newItem(id, world.workflowId);
                card = Cards.await(slack, ApprovalWorld.CHANNEL, id);
                Cards.until("the card posted", () -> count(database,
                        "SELECT COUNT(*) FROM approval_card WHERE status IN ('due', 'posting')") == 0);
                // Oktopost takes the call; its answer never reaches the app, which stops meanwhile.
                oktopost.on("POST", "/workflow-item/" + id, request -> {
                    received.countDown();
                    answer.await(30, TimeUnit.SECONDS);
                    return null;
                });

                client.press(ApprovalWorld.ANN, card, ApprovalCards.APPROVE_ACTION);
                assertTrue(received.await(10, TimeUnit.SECONDS), "the decision call reached Oktopost");
                client.press(ApprovalWorld.BOB, card, ApprovalCards.APPROVE_ACTION);
                FakeSlack.Call bob = slack.await("response_url", c -> c.param("response_id").startsWith(ApprovalWorld.BOB + "-"),
                        Duration.ofSeconds(10));
                assertEquals("<@U0ANN> is deciding on this right now.", bob.param("text"));
            } finally {
                first.close();
                answer.countDown();
            }
            oktopost.clearRoutes();
            Cards.until("Oktopost applied the decision", () -> world.manager.equals(
                    oktopost.workflowItem(id).orElseThrow().path("StepId").asText()));
            assertEquals(1, count(database, "SELECT COUNT(*) FROM approval_intent WHERE slot = 'live'"), "left unfinished");

            try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
                FakeSlack.Message decided = Cards.awaitCard(slack, ApprovalWorld.CHANNEL, id,
                        m -> Cards.text(m).contains("Waiting at *Step 2 of 3: Manager Confirmation*"));
                assertTrue(Cards.text(decided).contains("Step 1 of 3: Review approved by <@U0ANN>"), Cards.text(decided));
                assertFalse(Cards.text(decided).contains("<@U0BOB>"), Cards.text(decided));
                Cards.until("the decision done", () -> count(database,
                        "SELECT COUNT(*) FROM approval_intent WHERE slot = 'live'") == 0);

                ApprovalClient client = new ApprovalClient(second.getURI(), new SlackRequests(second.getURI()), slack);
                slack.reset();
                client.press(ApprovalWorld.BOB, card, ApprovalCards.APPROVE_ACTION);
                FakeSlack.Call bob = slack.await("response_url", c -> c.param("response_id").startsWith(ApprovalWorld.BOB + "-"),
                        Duration.ofSeconds(10));
                assertEquals("This card is out of date: the item has moved on to step 2 of 3: Manager Confirmation.",
                        bob.param("text"));
            }
            assertEquals(1, oktopost.count("POST", "/workflow-item/" + id), "no second decision call");
            assertEquals(world.manager, oktopost.workflowItem(id).orElseThrow().path("StepId").asText());
            assertTrue(oktopost.count("GET", "/workflow-item") >= 1, "the resumed decision read the item first");
        }
    }

    private static Map<String, Object> properties(FakeOktopost oktopost, FakeSlack slack, String database) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("oktopost.base-url", oktopost.baseUrl());
        properties.put("slack.api-url", slack.apiUrl());
        properties.put("datasources.default.url", database);
        properties.put("oktopost.webhook-secrets", ApprovalClient.WEBHOOK_SECRET);
        properties.put("okto.approvals.reconcile-delay", "1h");
        // A decision whose click was never carried out falls due soon, so the next process takes it over quickly.
        properties.put("okto.approvals.decision-retry-after", "2s");
        return properties;
    }

    private static ApprovalClient seed(EmbeddedServer server, ApprovalWorld world, FakeSlack slack) throws Exception {
        People people = server.getApplicationContext().getBean(People.class);
        for (String user : List.of(ApprovalWorld.ANN, ApprovalWorld.BOB, ApprovalWorld.CAT, ApprovalWorld.DAN)) {
            people.link(user);
        }
        server.getApplicationContext().getBean(ChannelRoutes.class)
                .set(ChannelRoutes.workflowKey(world.workflowId), ApprovalWorld.CHANNEL, "Marketing", "U0ADMIN");
        return new ApprovalClient(server.getURI(), new SlackRequests(server.getURI()), slack);
    }

    private static long count(String database, String sql) {
        try (Connection c = DriverManager.getConnection(database);
             PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
