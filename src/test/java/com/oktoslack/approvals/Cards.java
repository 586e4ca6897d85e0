package com.oktoslack.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oktoslack.testing.FakeSlack;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Reading approval cards as the fake Slack holds them. */
final class Cards {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Cards() {
    }

    static JsonNode blocks(FakeSlack.Message message) {
        try {
            return JSON.readTree(message.blocks() == null ? "[]" : message.blocks());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isCardOf(FakeSlack.Message message, String entityId) {
        return message.blocks() != null && message.blocks().contains("\"approval:" + entityId + ":");
    }

    /** The card of this item in this channel (a DM channel is D + the user id without its U). */
    static FakeSlack.Message in(FakeSlack slack, String channel, String entityId) {
        return slack.messages().values().stream()
                .filter(m -> m.channel().equals(channel) && isCardOf(m, entityId) && m.threadTs() == null)
                .findFirst().orElseThrow(() -> new AssertionError("No card of " + entityId + " in " + channel
                        + "; messages: " + slack.messages().keySet()));
    }

    static FakeSlack.Message await(FakeSlack slack, String channel, String entityId) {
        return awaitCard(slack, channel, entityId, m -> true);
    }

    static FakeSlack.Message awaitCard(FakeSlack slack, String channel, String entityId, Predicate<FakeSlack.Message> until) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            for (FakeSlack.Message m : slack.messages().values()) {
                if (m.channel().equals(channel) && isCardOf(m, entityId) && m.threadTs() == null && until.test(m)) {
                    return m;
                }
            }
            pause();
        }
        throw new AssertionError("No matching card of " + entityId + " in " + channel + "; cards there: "
                + slack.messages().values().stream().filter(m -> m.channel().equals(channel)).map(FakeSlack.Message::blocks).toList());
    }

    static String dm(String slackUserId) {
        return "D" + slackUserId.substring(1);
    }

    static String header(FakeSlack.Message message) {
        return blocks(message).get(0).at("/text/text").asText();
    }

    /** All mrkdwn text of the card, in order. */
    static String text(FakeSlack.Message message) {
        StringBuilder text = new StringBuilder();
        for (JsonNode node : blocks(message).findValues("text")) {
            if (node.isTextual()) {
                text.append(node.asText()).append('\n');
            } else if (node.has("text")) {
                text.append(node.get("text").asText()).append('\n');
            }
        }
        return text.toString();
    }

    static List<JsonNode> buttons(FakeSlack.Message message) {
        List<JsonNode> buttons = new ArrayList<>();
        for (JsonNode block : blocks(message)) {
            if ("actions".equals(block.path("type").asText())) {
                block.path("elements").forEach(buttons::add);
            }
        }
        return buttons;
    }

    static List<String> actionIds(FakeSlack.Message message) {
        return buttons(message).stream().map(b -> b.path("action_id").asText()).toList();
    }

    /** chat.postMessage calls that posted a card of this item to this destination. */
    static long posts(FakeSlack slack, String destination, String entityId) {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> destination.equals(c.param("channel")) && c.param("blocks") != null
                        && c.param("blocks").contains("\"approval:" + entityId + ":"))
                .count();
    }

    /** chat.update calls that changed a card of this item. */
    static long updates(FakeSlack slack, String entityId) {
        return slack.calls("chat.update").stream()
                .filter(c -> c.param("blocks") != null && c.param("blocks").contains("\"approval:" + entityId + ":"))
                .count();
    }

    static void pause() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void until(String what, java.util.function.BooleanSupplier condition) {
        until(what, condition, 20);
    }

    static void until(String what, java.util.function.BooleanSupplier condition, int seconds) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(seconds));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            pause();
        }
    }
}
