package com.oktoslack.reminders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what reminders need from a waiting item's stored JSON, loosely (a field missing is left out), so the
 * reminder sweep never calls Oktopost: the step's label, workflow and approvers, and the item's kind, text and
 * scheduled time.
 */
@Singleton
class WaitingItemView {

    record Approver(String oktopostUserId, String name) {
    }

    record View(String workflowName, String stepLabel, List<Approver> approvers, String what,
                @Nullable String text, @Nullable Instant scheduledAt) {
    }

    private final ObjectMapper json;

    WaitingItemView(ObjectMapper json) {
        this.json = json;
    }

    View of(WaitingItem item) {
        JsonNode step = tree(item.step());
        JsonNode content = tree(item.content());
        List<Approver> approvers = new ArrayList<>();
        for (JsonNode a : step.path("approvers")) {
            approvers.add(new Approver(a.path("id").asText(), a.path("name").asText(a.path("id").asText())));
        }
        int number = step.path("number").asInt(0);
        int count = step.path("count").asInt(0);
        String name = step.path("name").asText("");
        String label = number > 0 && count > 0 ? "step " + number + " of " + count + ": " + name : "step: " + name;
        String kind = content.path("kind").asText("item");
        String network = content.path("network").asText("").strip();
        String what = "story".equals(kind) ? "story" : (network.isEmpty() ? "" : network + " ") + kind;
        String author = content.path("authorName").asText("");
        if (!author.isBlank()) {
            what = what + " by " + author;
        }
        String text = content.hasNonNull("text") ? content.get("text").asText() : null;
        return new View(step.path("workflowName").asText(""), label, approvers, what, text, instant(content.get("scheduledAt")));
    }

    /** Jackson writes an Instant as an ISO text or as decimal seconds, depending on its settings. */
    @Nullable
    private static Instant instant(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            BigDecimal seconds = node.decimalValue();
            return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        }
        try {
            return Instant.parse(node.asText());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text == null ? "{}" : text);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }
}
