package com.oktoslack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Slack's published Block Kit limits, checked on what the app sends, so a card or form that Slack would refuse
 * fails the test as it would fail in Slack. Each entry names the JSON path and the limit broken.
 */
final class BlockKitLimits {

    static final int MESSAGE_BLOCKS = 50;
    static final int VIEW_BLOCKS = 100;
    static final int SECTION_TEXT = 3000;
    static final int SECTION_FIELDS = 10;
    static final int FIELD_TEXT = 2000;
    static final int HEADER_TEXT = 150;
    static final int CONTEXT_ELEMENTS = 10;
    static final int ACTIONS_ELEMENTS = 25;
    static final int BUTTON_TEXT = 75;
    static final int BUTTON_VALUE = 2000;
    static final int BUTTON_URL = 3000;
    static final int ACTION_ID = 255;
    static final int BLOCK_ID = 255;
    static final int OPTION_TEXT = 75;
    static final int OPTION_VALUE = 150;
    static final int OPTIONS = 100;
    static final int VIEW_TITLE = 24;
    static final int PRIVATE_METADATA = 3000;
    static final int CALLBACK_ID = 255;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BlockKitLimits() {
    }

    /** What the call breaks; empty when Slack would take it. */
    static List<String> check(FakeSlack.Call call) {
        List<String> broken = new ArrayList<>();
        String blocks = call.param("blocks");
        if (blocks != null && !blocks.isBlank()) {
            JsonNode node = read(blocks, "blocks", broken);
            if (node != null) {
                blocks(node, MESSAGE_BLOCKS, "/blocks", broken);
            }
        }
        String view = call.param("view");
        if (view != null && !view.isBlank()) {
            JsonNode node = read(view, "view", broken);
            if (node != null) {
                view(node, broken);
            }
        }
        return broken;
    }

    private static JsonNode read(String json, String name, List<String> broken) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            broken.add(name + " is not JSON");
            return null;
        }
    }

    private static void view(JsonNode view, List<String> broken) {
        plainText(view.path("title"), VIEW_TITLE, "/view/title", broken);
        plainText(view.path("submit"), VIEW_TITLE, "/view/submit", broken);
        plainText(view.path("close"), VIEW_TITLE, "/view/close", broken);
        longer(view.path("private_metadata"), PRIVATE_METADATA, "/view/private_metadata", broken);
        longer(view.path("callback_id"), CALLBACK_ID, "/view/callback_id", broken);
        blocks(view.path("blocks"), VIEW_BLOCKS, "/view/blocks", broken);
    }

    private static void blocks(JsonNode blocks, int max, String path, List<String> broken) {
        if (!blocks.isArray()) {
            if (!blocks.isMissingNode()) {
                broken.add(path + " must be an array");
            }
            return;
        }
        if (blocks.size() > max) {
            broken.add(path + " has " + blocks.size() + " blocks, more than " + max);
        }
        for (int i = 0; i < blocks.size(); i++) {
            block(blocks.get(i), path + "/" + i, broken);
        }
    }

    private static void block(JsonNode block, String path, List<String> broken) {
        longer(block.path("block_id"), BLOCK_ID, path + "/block_id", broken);
        switch (block.path("type").asText()) {
            case "section" -> {
                JsonNode text = block.path("text");
                JsonNode fields = block.path("fields");
                if (text.isMissingNode() && fields.isMissingNode()) {
                    broken.add(path + " is a section without text or fields");
                }
                text(text, SECTION_TEXT, path + "/text", broken);
                if (fields.size() > SECTION_FIELDS) {
                    broken.add(path + "/fields has more than " + SECTION_FIELDS);
                }
                for (int i = 0; i < fields.size(); i++) {
                    text(fields.get(i), FIELD_TEXT, path + "/fields/" + i, broken);
                }
                element(block.path("accessory"), path + "/accessory", broken);
            }
            case "header" -> plainText(block.path("text"), HEADER_TEXT, path + "/text", broken);
            case "context" -> {
                if (block.path("elements").size() > CONTEXT_ELEMENTS) {
                    broken.add(path + "/elements has more than " + CONTEXT_ELEMENTS);
                }
            }
            case "actions" -> {
                JsonNode elements = block.path("elements");
                if (elements.size() > ACTIONS_ELEMENTS) {
                    broken.add(path + "/elements has more than " + ACTIONS_ELEMENTS);
                }
                for (int i = 0; i < elements.size(); i++) {
                    element(elements.get(i), path + "/elements/" + i, broken);
                }
            }
            case "input" -> element(block.path("element"), path + "/element", broken);
            default -> {
            }
        }
    }

    private static void element(JsonNode element, String path, List<String> broken) {
        if (element.isMissingNode()) {
            return;
        }
        longer(element.path("action_id"), ACTION_ID, path + "/action_id", broken);
        if ("button".equals(element.path("type").asText())) {
            plainText(element.path("text"), BUTTON_TEXT, path + "/text", broken);
            longer(element.path("value"), BUTTON_VALUE, path + "/value", broken);
            longer(element.path("url"), BUTTON_URL, path + "/url", broken);
        }
        JsonNode options = element.path("options");
        if (options.size() > OPTIONS) {
            broken.add(path + "/options has more than " + OPTIONS);
        }
        for (int i = 0; i < options.size(); i++) {
            plainText(options.get(i).path("text"), OPTION_TEXT, path + "/options/" + i + "/text", broken);
            longer(options.get(i).path("value"), OPTION_VALUE, path + "/options/" + i + "/value", broken);
        }
    }

    /** A text object: plain_text or mrkdwn. */
    private static void text(JsonNode text, int max, String path, List<String> broken) {
        if (text.isMissingNode()) {
            return;
        }
        JsonNode value = text.path("text");
        if (!value.isTextual() || value.asText().isEmpty()) {
            broken.add(path + " has no text");
            return;
        }
        longer(value, max, path, broken);
    }

    private static void plainText(JsonNode text, int max, String path, List<String> broken) {
        if (!text.isMissingNode() && !"plain_text".equals(text.path("type").asText())) {
            broken.add(path + " must be plain_text");
        }
        text(text, max, path, broken);
    }

    /** Slack counts characters; Java's length counts UTF-16 units, so code points are counted. */
    private static void longer(JsonNode value, int max, String path, List<String> broken) {
        if (value.isTextual() && value.asText().codePointCount(0, value.asText().length()) > max) {
            broken.add(path + " is longer than " + max);
        }
    }
}
