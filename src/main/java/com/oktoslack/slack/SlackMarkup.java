package com.oktoslack.slack;

import io.micronaut.core.annotation.Nullable;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the markup of a Slack message as the text people see, e.g. to turn it into a social post or a story. */
public final class SlackMarkup {

    private static final Pattern REFERENCE = Pattern.compile("<([^<>]*)>");
    private static final Pattern ANY_URL = Pattern.compile("<(https?://[^|>\\s]+)(?:\\|[^>]*)?>|(https?://[^\\s<>|]+)");

    private SlackMarkup() {
    }

    /**
     * Links as their address (or "label (address)"), mentions as {@code @name} ({@code userName} turns a user
     * id without a label into a name), channels as {@code #name}, entities unescaped.
     */
    public static String plain(@Nullable String slackText, Function<String, String> userName) {
        return plain(slackText, userName, true);
    }

    /** As {@link #plain(String, Function)}; without {@code withUrls} a labelled link keeps only its label. */
    public static String plain(@Nullable String slackText, Function<String, String> userName, boolean withUrls) {
        if (slackText == null || slackText.isEmpty()) {
            return "";
        }
        Matcher references = REFERENCE.matcher(slackText);
        StringBuilder out = new StringBuilder();
        while (references.find()) {
            references.appendReplacement(out, Matcher.quoteReplacement(reference(references.group(1), userName, withUrls)));
        }
        references.appendTail(out);
        return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** The first web link in a Slack message's text. */
    public static Optional<String> firstUrl(@Nullable String slackText) {
        if (slackText == null) {
            return Optional.empty();
        }
        Matcher matcher = ANY_URL.matcher(slackText);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
    }

    private static String reference(String inside, Function<String, String> userName, boolean withUrls) {
        int bar = inside.indexOf('|');
        String target = bar < 0 ? inside : inside.substring(0, bar);
        String label = bar < 0 ? null : inside.substring(bar + 1);
        boolean labelled = label != null && !label.isBlank();
        if (target.startsWith("@U") || target.startsWith("@W")) {
            return "@" + (labelled ? label : userName.apply(target.substring(1)));
        }
        if (target.startsWith("#C") || target.startsWith("#G")) {
            return "#" + (labelled ? label : target.substring(1));
        }
        if (target.startsWith("!")) {
            String special = target.substring(1);
            if (special.startsWith("subteam^") || special.startsWith("date^")) {
                return label != null ? label : "";
            }
            return "@" + special;
        }
        String address = target.startsWith("mailto:") ? target.substring("mailto:".length()) : target;
        if (!labelled || label.equals(address)) {
            return address;
        }
        return withUrls ? label + " (" + address + ")" : label;
    }
}
