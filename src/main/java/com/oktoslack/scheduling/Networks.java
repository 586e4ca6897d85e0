package com.oktoslack.scheduling;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The networks a post can be scheduled to from Slack, with each one's text limit. YouTube is left out: its
 * posts need a video, which the modal does not attach.
 */
final class Networks {

    /** Oktopost's network name → the most characters a post's text may have there. */
    static final Map<String, Integer> TEXT_LIMITS = limits();

    /** X counts every link as this many characters, however long it is. */
    static final int TWITTER_LINK_LENGTH = 23;

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private Networks() {
    }

    private static Map<String, Integer> limits() {
        Map<String, Integer> limits = new LinkedHashMap<>();
        limits.put("LinkedIn", 3000);
        limits.put("Twitter", 280);
        limits.put("Facebook", 63206);
        limits.put("Instagram", 2200);
        return Collections.unmodifiableMap(limits);
    }

    /** The network as Oktopost spells it, when posts can be scheduled to it from Slack. */
    static Optional<String> offered(String network) {
        if (network == null) {
            return Optional.empty();
        }
        return TEXT_LIMITS.keySet().stream().filter(n -> n.equalsIgnoreCase(network.strip())).findFirst();
    }

    static List<String> all() {
        return List.copyOf(TEXT_LIMITS.keySet());
    }

    static int limit(String network) {
        return TEXT_LIMITS.get(network);
    }

    /** How long the network considers the text: characters as people see them, links weighted on X. */
    static int length(String network, String text) {
        if (!"Twitter".equals(network)) {
            return text.codePointCount(0, text.length());
        }
        Matcher links = LINK.matcher(text);
        StringBuilder withoutLinks = new StringBuilder();
        int count = 0;
        while (links.find()) {
            links.appendReplacement(withoutLinks, "");
            count++;
        }
        links.appendTail(withoutLinks);
        return withoutLinks.codePointCount(0, withoutLinks.length()) + count * TWITTER_LINK_LENGTH;
    }

    /** A label for people: X rather than Twitter. */
    static String label(String network) {
        return "twitter".equals(network.toLowerCase(Locale.ROOT)) ? "X (Twitter)" : network;
    }
}
