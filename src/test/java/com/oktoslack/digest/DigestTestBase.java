package com.oktoslack.digest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.oktopost.OktopostDates;
import com.oktoslack.people.People;
import com.oktoslack.testing.AppTestBase;
import com.oktoslack.testing.FakeSlack;
import com.oktoslack.testing.MovableClock;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The app with a movable clock and no automatic digest ticks (tests tick by hand), plus seeding helpers for
 * the fake Oktopost and ways to read the digests that reached the fake Slack.
 */
abstract class DigestTestBase extends AppTestBase {

    static final String ALICE = "U0ALICE";
    static final String BOB = "U0BOB";
    static final String CAROL = "U0CAROL";
    static final String CHANNEL = "C0GENERAL";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    MovableClock clock;
    @Inject
    DigestScheduler scheduler;
    @Inject
    DigestSubscriptionRepository subscriptions;
    @Inject
    Oktopost client;
    @Inject
    People people;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "okto.digest.test-clock", "2024-03-11T06:00:00Z",
                "okto.digest.tick-every", "1h",
                "okto.digest.reuse-data-for", "0s");
    }

    @BeforeEach
    void freshWorld() {
        subscriptions.deleteAll();
        List.of(ALICE, BOB, CAROL).forEach(people::unlink);
        slack.reset();
        oktopost.clearData();
        oktopost.reset();
        oktopost.clock(clock);
        // The app's call budget runs on the moved clock here; the fake's own limits count real seconds.
        oktopost.rateLimits(100_000, 100_000, Duration.ofSeconds(1));
        client.forgetCachedLists();
        slack.addUser(ALICE, "alice@example.com", "Alice Approver", "Europe/Berlin", false);
        slack.addUser(BOB, "bob@example.com", "Bob Approver", "America/New_York", false);
        slack.addUser(CAROL, "carol@example.com", "Carol Outsider", "Europe/London", false);
    }

    // ---- driving

    HttpResponse<String> command(String user, String text) {
        HttpResponse<String> response = slackRequests().slashCommand(user, text, slack.responseUrl(user + "-" + System.nanoTime()));
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    /** The text of the immediate answer (the ack) to a slash command. */
    String ack(String user, String text) {
        String body = command(user, text).body();
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            return JSON.readTree(body).path("text").asText();
        } catch (IOException e) {
            throw new AssertionError("The ack is not JSON: " + body, e);
        }
    }

    /** The follow-up sent to a slash command's response_url that contains {@code text}. */
    FakeSlack.Call followUp(String text) {
        return slack.await("response_url", c -> c.param("text") != null && c.param("text").contains(text), Duration.ofSeconds(10));
    }

    int tickAt(String isoInstant) {
        clock.at(isoInstant);
        return scheduler.sendDue();
    }

    void subscribeChannel(String channel, String time, String zone) {
        subscriptions.upsert(DigestSubscription.channelId(channel), DigestSubscription.CHANNEL, channel, time, zone, ALICE,
                Instant.parse("2024-01-01T00:00:00Z"));
    }

    // ---- reading digests

    List<FakeSlack.Call> digestsTo(String channel) {
        return slack.calls("chat.postMessage").stream().filter(c -> channel.equals(c.param("channel"))).toList();
    }

    /** Every text in a posted message's blocks, one per line. */
    static String blockText(FakeSlack.Call call) {
        List<String> texts = new ArrayList<>();
        collectTexts(call.json("blocks"), texts);
        return String.join("\n", texts);
    }

    private static void collectTexts(JsonNode node, List<String> into) {
        if (node.isObject()) {
            JsonNode text = node.get("text");
            if (text != null && text.isTextual()) {
                into.add(text.asText());
            }
            node.forEach(child -> collectTexts(child, into));
        } else if (node.isArray()) {
            node.forEach(child -> collectTexts(child, into));
        }
    }

    // ---- seeding Oktopost

    static String okDate(Instant instant) {
        return OktopostDates.format(instant);
    }

    String id(ObjectNode node) {
        return node.has("Id") ? node.get("Id").asText() : node.get("ID").asText();
    }

    /** An Oktopost user linked to a Slack user, as {@code /okto link} would leave it. */
    String linkedApprover(String slackUser, String name, String email) throws Exception {
        String userId = id(oktopost.addUser(name, email));
        client.forgetCachedLists();
        people.link(slackUser);
        return userId;
    }

    /** A message waiting in the given step since {@code since}. */
    ObjectNode waitingItem(String workflowId, String stepId, String text, Instant since) {
        ObjectNode message = oktopost.addMessage("LinkedIn", text);
        ObjectNode item = oktopost.addWorkflowItem(id(message), workflowId);
        item.put("StepId", stepId).put("Created", okDate(since)).put("Modified", okDate(since));
        // Oktopost's documented item has no dates: only its history says when it was sent.
        item.get("History").forEach(entry -> ((ObjectNode) entry).put("Created", okDate(since)).put("StepId", stepId));
        return item;
    }

    ObjectNode post(String network, String text, Instant at, String status) {
        ObjectNode message = oktopost.addMessage(network, text);
        ObjectNode credential = oktopost.addCredential(network, "Acme " + network);
        return oktopost.addPost(id(message), id(credential), at, status);
    }

    ObjectNode story(String boardId, String title, Instant published) {
        ObjectNode story = oktopost.addStory(boardId, title);
        story.put("PublishDate", okDate(published)).put("Created", okDate(published));
        return story;
    }
}
