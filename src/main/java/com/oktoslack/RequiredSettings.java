package com.oktoslack;

import io.micronaut.core.value.PropertyResolver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The settings without which the app cannot serve anyone, by the environment variable people set. */
final class RequiredSettings {

    private static final Map<String, String> PROPERTY_BY_VARIABLE = new LinkedHashMap<>();

    static {
        PROPERTY_BY_VARIABLE.put("OKTOPOST_ACCOUNT_ID", "oktopost.account-id");
        PROPERTY_BY_VARIABLE.put("OKTOPOST_API_KEY", "oktopost.api-key");
        PROPERTY_BY_VARIABLE.put("SLACK_BOT_TOKEN", "slack.bot-token");
        PROPERTY_BY_VARIABLE.put("SLACK_SIGNING_SECRET", "slack.signing-secret");
    }

    private RequiredSettings() {
    }

    static List<String> missing(PropertyResolver properties) {
        return PROPERTY_BY_VARIABLE.entrySet().stream()
                .filter(e -> properties.get(e.getValue(), String.class).map(String::isBlank).orElse(true))
                .map(Map.Entry::getKey)
                .toList();
    }

    static String describe(List<String> missing) {
        return "okto-slack cannot start: missing required setting" + (missing.size() > 1 ? "s " : " ")
                + String.join(", ", missing) + " (see README.md, Settings)";
    }
}
