package com.oktoslack.oktopost;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Oktopost's verdict on a video per network ({@code GET /video-validate/{mediaId}}): {@code Validations} maps a
 * network to {@code isValid} and {@code errors}. A network it does not name is not judged.
 */
public record VideoCheck(JsonNode validations) {

    /** Why the video does not suit the network, when Oktopost says it does not. */
    public Optional<String> problem(Network network) {
        if (validations == null || !validations.isObject()) {
            return Optional.empty();
        }
        var names = validations.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (Network.of(name).filter(network::equals).isEmpty()) {
                continue;
            }
            JsonNode verdict = validations.get(name);
            if (valid(verdict.get("isValid"))) {
                return Optional.empty();
            }
            List<String> errors = new ArrayList<>();
            verdict.path("errors").forEach(e -> errors.add(e.isTextual() ? e.asText() : e.toString()));
            return Optional.of(errors.isEmpty() ? "Oktopost says the video does not suit " + network.label()
                    : String.join("; ", errors));
        }
        return Optional.empty();
    }

    /** {@code true}, {@code 1} and {@code "1"} alike, as Oktopost sends booleans. */
    private static boolean valid(JsonNode flag) {
        if (flag == null || flag.isNull()) {
            return false;
        }
        if (flag.isBoolean()) {
            return flag.asBoolean();
        }
        if (flag.isNumber()) {
            return flag.asDouble() != 0;
        }
        String text = flag.asText().strip();
        return text.equals("1") || text.equalsIgnoreCase("true");
    }
}
