package com.oktoslack.replicas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oktoslack.people.People;
import com.oktoslack.slack.ChannelRoutes;
import com.oktoslack.testing.FakeOktopost;
import com.oktoslack.testing.FakeSlack;
import com.oktoslack.testing.SlackRequests;
import com.oktoslack.testing.TestDatabase;
import com.oktoslack.testing.WebhookDeliveries;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas of the app, each a JVM of its own, on one database (a PostgreSQL schema with
 * {@code -Dtest.database=postgresql}, else one SQLite file), with one fake Oktopost and one fake Slack in this
 * JVM. A burst of 300 signed {@code newApprovalItem} webhooks is split between them and one is killed with
 * SIGKILL once about half the cards are out: every item still gets exactly one channel card, and the two
 * together stay within Oktopost's limits, as they share one budget through the database. Then an Approve is
 * pressed on both replicas at the same moment: one decision, one Oktopost call.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoReplicasTest {

    static final int BURST = 300;
    static final int CHANNELS = 30;
    static final String WEBHOOK_SECRET = "replicas-webhook-secret";
    static final String WEBHOOK_ID = "0WA000000000077";
    static final String APPROVER = "U0RAE";
    static final String RACE_CHANNEL = "C0RACE";
    static final String APPROVE_ACTION = "approvals_approve";
    static final Duration READY_WITHIN = Duration.ofMinutes(2);
    static final Duration CARDS_WITHIN = Duration.ofMinutes(5);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong TIMESTAMPS = new AtomicLong(1_700_000_000);

    private final FakeOktopost oktopost = FakeOktopost.start();
    private final FakeSlack slack = FakeSlack.start();
    private final Map<String, String> database = TestDatabase.fresh(getClass().getSimpleName());
    private final List<AppProcess> replicas = new ArrayList<>();
    private final List<String> workflowIds = new ArrayList<>();
    private final AtomicInteger started = new AtomicInteger();
    private String campaignId;
    private String raceWorkflowId;

    @BeforeAll
    void seedAndStart() throws Exception {
        String unlinked = oktopost.addUser("Unlinked Approver", "unlinked@acme.example").get("Id").asText();
        slack.addUser(APPROVER, "rae@acme.example", "Rae Racer", "Europe/Berlin", false);
        String rae = oktopost.addUser("Rae Racer", "rae@acme.example").get("Id").asText();
        campaignId = oktopost.addCampaign("Burst").get("Id").asText();
        for (int i = 0; i < CHANNELS; i++) {
            String workflowId = oktopost.addWorkflow("Team " + i, "Review").get("Id").asText();
            oktopost.addApprover(oktopost.stepId(workflowId, 0), unlinked);
            workflowIds.add(workflowId);
        }
        raceWorkflowId = oktopost.addWorkflow("Race", "Review").get("Id").asText();
        oktopost.addApprover(oktopost.stepId(raceWorkflowId, 0), rae);

        // Routes and the approver's link are what an admin and the approver set up in Slack beforehand; an
        // app context in this JVM writes them (and migrates the database) before any replica starts.
        Map<String, Object> properties = new HashMap<>(settings());
        properties.put("micronaut.server.port", "-1");
        try (ApplicationContext setup = ApplicationContext.builder().environments("test").properties(properties).start()) {
            ChannelRoutes routes = setup.getBean(ChannelRoutes.class);
            for (int i = 0; i < CHANNELS; i++) {
                routes.set(ChannelRoutes.workflowKey(workflowIds.get(i)), channel(i), "Workflow Team " + i, "U0ADMIN");
            }
            routes.set(ChannelRoutes.workflowKey(raceWorkflowId), RACE_CHANNEL, "Workflow Race", "U0ADMIN");
            setup.getBean(People.class).link(APPROVER);
        }
        startReplicas(2);
    }

    /** What every replica is given on top of the test environment: the fakes, the one database, the webhook secret. */
    private Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>(database);
        settings.put("oktopost.base-url", oktopost.baseUrl());
        settings.put("slack.api-url", slack.apiUrl());
        settings.put("oktopost.account-id", FakeOktopost.ACCOUNT_ID);
        settings.put("oktopost.api-key", FakeOktopost.API_KEY);
        settings.put("slack.bot-token", FakeSlack.BOT_TOKEN);
        settings.put("slack.signing-secret", SlackRequests.SIGNING_SECRET);
        settings.put("oktopost.webhook-secrets", WEBHOOK_SECRET);
        // A posting lane per channel, so the 30 channels are paced side by side (as in the one-process burst test).
        settings.put("okto.approvals.posting-lanes", Integer.toString(CHANNELS));
        settings.put("okto.approvals.reconcile-delay", "1h");
        return settings;
    }

    /** Starts replicas until {@code count} run, side by side, and waits until each is ready. */
    private void startReplicas(int count) {
        List<AppProcess> fresh = new ArrayList<>();
        while (live().size() < count) {
            AppProcess replica = AppProcess.start("replica-" + (char) ('a' + started.getAndIncrement()), settings());
            replicas.add(replica);
            fresh.add(replica);
        }
        for (AppProcess replica : fresh) {
            Duration ready = replica.awaitReady(READY_WITHIN);
            System.out.printf("[replicas] %s ready %d ms after its start%n", replica, ready.toMillis());
        }
    }

    private List<AppProcess> live() {
        return replicas.stream().filter(AppProcess::alive).toList();
    }

    @AfterAll
    void stopAll() {
        replicas.forEach(AppProcess::close);
        oktopost.close();
        slack.close();
    }

    @Test
    @Order(1)
    void aBurstSplitOverTwoReplicasOneKilledHalfwayCardsEveryItemOnceWithinOktopostsLimits() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            String id = oktopost.addMessage(campaignId, "LinkedIn", "Burst item " + i + ": spring is here").get("Id").asText();
            oktopost.addWorkflowItem(id, workflowIds.get(i % CHANNELS));
            ids.add(id);
        }
        AppProcess survivor = replicas.get(0);
        AppProcess victim = replicas.get(1);
        oktopost.reset();
        slack.reset();
        int breachesBefore = oktopost.rateLimitBreaches();
        AtomicInteger redirected = new AtomicInteger();

        Instant burstStart = Instant.now();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<Future<?>> sends = new ArrayList<>();
        try {
            for (int i = 0; i < BURST; i++) {
                String id = ids.get(i);
                String workflowId = workflowIds.get(i % CHANNELS);
                AppProcess first = i % 2 == 0 ? survivor : victim;
                sends.add(senders.submit(() -> deliverNewItem(id, workflowId, first, survivor, redirected)));
            }
            until("about half the burst carded", () -> cardsPerItem(ids).size() >= BURST / 2, CARDS_WITHIN);
            int cardedAtKill = cardsPerItem(ids).size();
            long victimPid = victim.pid();
            int exit = victim.kill();
            Instant killedAt = Instant.now();
            assertEquals(AppProcess.KILLED, exit, "the replica was killed by SIGKILL, not stopped");
            assertTrue(cardedAtKill < BURST, "the replica was killed while cards were still to be posted: " + cardedAtKill);
            System.out.printf("[replicas] killed %s (pid %d) with SIGKILL after %d ms, at %d of %d cards%n",
                    victim.name(), victimPid, Duration.between(burstStart, killedAt).toMillis(), cardedAtKill, BURST);
            for (Future<?> send : sends) {
                send.get();
            }

            until("a channel card for every item of the burst", () -> cardsPerItem(ids).size() == BURST, CARDS_WITHIN);
            Instant allCarded = Instant.now();
            awaitQuiet();

            Map<String, Long> cards = cardsPerItem(ids);
            Map<String, Long> duplicates = new TreeMap<>(cards.entrySet().stream().filter(e -> e.getValue() > 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
            int oktopostCalls = oktopost.requests().size();
            System.out.printf("[replicas] %d items carded in %d ms (%d ms after the kill); %d deliveries redirected from "
                            + "the killed replica; %d chat.postMessage calls; Oktopost: %d calls, busiest minute %d, "
                            + "busiest 5 s %d, %d over its limits; %s%n",
                    cards.size(), Duration.between(burstStart, allCarded).toMillis(),
                    Duration.between(killedAt, allCarded).toMillis(), redirected.get(), slack.calls("chat.postMessage").size(),
                    oktopostCalls, oktopost.busiestMinute(), oktopost.busiestFiveSeconds(),
                    oktopost.rateLimitBreaches() - breachesBefore, TestDatabase.postgres() ? "PostgreSQL" : "SQLite");

            assertEquals(Map.of(), duplicates, "items carded more than once (item → cards)");
            assertEquals(BURST, cards.size(), "every item carded");
            assertEquals(breachesBefore, oktopost.rateLimitBreaches(), "no call of either replica over Oktopost's limits");
            assertTrue(oktopost.busiestMinute() <= 60, "both replicas together: " + oktopost.busiestMinute() + " calls in a minute");
            assertTrue(oktopost.busiestFiveSeconds() <= 120,
                    "both replicas together: " + oktopost.busiestFiveSeconds() + " calls in 5 seconds");
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    @Order(2)
    void anApprovePressedOnBothReplicasAtOnceMakesOneDecision() throws Exception {
        startReplicas(2);
        List<AppProcess> both = live();
        String id = oktopost.addMessage(campaignId, "LinkedIn", "Race me").get("Id").asText();
        oktopost.addWorkflowItem(id, raceWorkflowId);
        assertEquals(200, deliver(both.get(0), newItem(id, raceWorkflowId)).statusCode());
        until("the race item's card", () -> card(RACE_CHANNEL, id) != null, CARDS_WITHIN);
        FakeSlack.Message card = card(RACE_CHANNEL, id);
        String value = buttonValue(card, APPROVE_ACTION);
        awaitQuiet();
        oktopost.reset();
        // Each decision call takes a while, so the second click arrives while the first is being carried out.
        oktopost.latency(Duration.ofMillis(300));

        int clicksPerReplica = 2;
        ExecutorService pool = Executors.newFixedThreadPool(both.size() * clicksPerReplica);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> clicks = new ArrayList<>();
            for (AppProcess replica : both) {
                SlackRequests requests = new SlackRequests(replica.uri());
                for (int i = 0; i < clicksPerReplica; i++) {
                    String responseUrl = slack.responseUrl(APPROVER + "-" + replica.name() + "-" + i);
                    clicks.add(pool.submit(() -> {
                        start.await();
                        return requests.buttonClick(APPROVER, APPROVE_ACTION, value, card.channel(), card.ts(), responseUrl);
                    }));
                }
            }
            start.countDown();
            for (Future<HttpResponse<String>> click : clicks) {
                assertEquals(200, click.get().statusCode(), "every click is acknowledged");
            }
        } finally {
            pool.shutdownNow();
        }
        until("the card updated with the decision", () -> slack.calls("chat.update").stream()
                .anyMatch(c -> card.ts().equals(c.param("ts")) && c.param("blocks") != null
                        && c.param("blocks").contains("Approved")), CARDS_WITHIN);
        until("no decision held any more", () -> count("SELECT COUNT(*) FROM approval_intent WHERE slot = 'live'") == 0,
                CARDS_WITHIN);
        awaitQuiet();
        oktopost.latency(Duration.ZERO);

        List<FakeOktopost.RecordedRequest> decisions = oktopost.requests("POST", "/workflow-item");
        List<String> told = new ArrayList<>();
        slack.calls("response_url").forEach(c -> told.add(c.param("response_id") + ": " + c.param("text")));
        slack.calls("chat.postEphemeral").forEach(c -> told.add("ephemeral: " + c.param("text")));
        System.out.printf("[replicas] %d Approve clicks on %s at once: %d Oktopost decision call(s) %s; clickers told %s%n",
                both.size() * clicksPerReplica, both, decisions.size(),
                decisions.stream().map(r -> r.param("note")).toList(), told);
        assertEquals(1, decisions.size(), "one decision for clicks on both replicas: "
                + decisions.stream().map(r -> r.method() + " " + r.path()).toList());
        assertEquals("1", decisions.get(0).param("isApprove"));
    }

    // ---- deliveries

    /** As a load balancer would: to {@code first}, and to {@code fallback} while {@code first} does not answer. */
    private void deliverNewItem(String id, String workflowId, AppProcess first, AppProcess fallback, AtomicInteger redirected) {
        String body = newItem(id, workflowId);
        if (first.alive()) {
            try {
                HttpResponse<String> response = deliver(first, body);
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IllegalStateException refusedOrCutOff) {
                // Killed before or during this delivery: Oktopost tries again, here through the other replica.
            }
        }
        if (first != fallback) {
            redirected.incrementAndGet();
        }
        HttpResponse<String> response = deliver(fallback, body);
        assertEquals(200, response.statusCode(), "webhook to " + fallback + ": " + response.body());
    }

    private static HttpResponse<String> deliver(AppProcess replica, String body) {
        return WebhookDeliveries.send(replica.uri(), body, WEBHOOK_SECRET, null, WEBHOOK_ID);
    }

    private static String newItem(String entityId, String workflowId) {
        return "{\"event\":\"newApprovalItem\",\"timestamp\":" + TIMESTAMPS.incrementAndGet() + ",\"webhookId\":\""
                + WEBHOOK_ID + "\",\"data\":{\"EntityId\":\"" + entityId + "\",\"WorkflowId\":\"" + workflowId + "\"}}";
    }

    // ---- what Slack and the database show

    /** Channel cards (not thread replies, not DMs) of the burst's items, as Slack holds them: item → how many. */
    private Map<String, Long> cardsPerItem(List<String> ids) {
        Map<String, Long> cards = new HashMap<>();
        for (FakeSlack.Message message : slack.messages().values()) {
            if (message.threadTs() != null || message.blocks() == null || !message.channel().startsWith("C0BURST")) {
                continue;
            }
            for (String id : ids) {
                if (message.blocks().contains("\"approval:" + id + ":")) {
                    cards.merge(id, 1L, Long::sum);
                }
            }
        }
        return cards;
    }

    private FakeSlack.Message card(String channel, String entityId) {
        return slack.messages().values().stream()
                .filter(m -> m.channel().equals(channel) && m.threadTs() == null && m.blocks() != null
                        && m.blocks().contains("\"approval:" + entityId + ":"))
                .findFirst().orElse(null);
    }

    private static String buttonValue(FakeSlack.Message card, String actionId) throws IOException {
        for (JsonNode element : JSON.readTree(card.blocks()).findValues("elements")) {
            for (JsonNode button : element) {
                if (actionId.equals(button.path("action_id").asText())) {
                    return button.path("value").asText();
                }
            }
        }
        throw new AssertionError("No " + actionId + " button on " + card.blocks());
    }

    /** Until the webhook inbox is drained and no card is due or being posted, on either replica. */
    private void awaitQuiet() {
        until("webhooks handled and cards posted",
                () -> count("SELECT COUNT(*) FROM webhook_inbox WHERE status = 'pending'") == 0
                        && count("SELECT COUNT(*) FROM approval_card WHERE status IN ('due', 'posting')") == 0,
                CARDS_WITHIN);
    }

    private long count(String sql) {
        try (Connection connection = DriverManager.getConnection(database.get("datasources.default.url"));
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void until(String what, BooleanSupplier condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            if (live().isEmpty()) {
                throw new AssertionError("No replica runs any more, waiting for " + what + ":\n"
                        + replicas.stream().map(r -> r + ":\n" + r.logTail()).collect(Collectors.joining("\n")));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Not within " + timeout + ": " + what + "\n"
                + replicas.stream().map(r -> r + ":\n" + r.logTail()).collect(Collectors.joining("\n")));
    }

    private static String channel(int i) {
        return String.format("C0BURST%02d", i);
    }
}
