package com.oktoslack.stories;

import io.micronaut.core.annotation.Nullable;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text for Block Kit and from Slack messages: escaping, cutting to a limit, and reading Slack's markup. */
final class SlackText {

    private static final Pattern LABELLED_LINK = Pattern.compile("<(https?://[^|>\\s]+)\\|([^>]*)>");
    private static final Pattern BARE_LINK = Pattern.compile("<(https?://[^|>\\s]+)>");
    private static final Pattern ANY_URL = Pattern.compile("<(https?://[^|>\\s]+)(?:\\|[^>]*)?>|(https?://[^\\s<>|]+)");
    private static final Pattern USER = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|([^>]*))?>");
    private static final Pattern CHANNEL = Pattern.compile("<#[CG][A-Z0-9]+\\|([^>]*)>");
    private static final Pattern SPECIAL = Pattern.compile("<!(here|channel|everyone)(?:\\|[^>]*)?>");
    private static final DateTimeFormatter FALLBACK_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private SlackText() {
    }

    /** Escapes the three characters Slack's mrkdwn treats as control characters. */
    static String escape(@Nullable String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** At most {@code max} characters, ending in an ellipsis when cut; never splits a surrogate pair. */
    static String cut(@Nullable String text, int max) {
        if (text == null) {
            return "";
        }
        String stripped = text.strip();
        if (stripped.length() <= max) {
            return stripped;
        }
        int end = max - 1;
        if (Character.isLowSurrogate(stripped.charAt(end)) && Character.isHighSurrogate(stripped.charAt(end - 1))) {
            end--;
        }
        return stripped.substring(0, end).stripTrailing() + "…";
    }

    /** A mrkdwn link {@code <url|label>}; characters that would end the link early are neutralised. */
    static String link(String url, String label) {
        String safeUrl = url.strip().replace("|", "%7C").replace(">", "%3E").replace("<", "%3C").replace(" ", "%20");
        return "<" + safeUrl + "|" + escape(label).replace("|", "¦") + ">";
    }

    /** Slack's date token: shown in each reader's own time zone, with a UTC fallback. */
    static String date(Instant when, String format) {
        String fallback = FALLBACK_DATE.format(when.atOffset(ZoneOffset.UTC));
        return "<!date^" + when.getEpochSecond() + "^" + format + "|" + fallback + ">";
    }

    /** Message text as a person would read it: links, mentions and entities without Slack's markup. */
    static String plain(@Nullable String text) {
        return plain(text, true);
    }

    /** As {@link #plain(String)}; without {@code withUrls} a labelled link keeps only its label. */
    static String plain(@Nullable String text, boolean withUrls) {
        if (text == null) {
            return "";
        }
        String result = LABELLED_LINK.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                m.group(2).isBlank() || m.group(2).equals(m.group(1)) ? m.group(1)
                        : withUrls ? m.group(2) + " (" + m.group(1) + ")" : m.group(2)));
        result = BARE_LINK.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        result = USER.matcher(result).replaceAll(m -> Matcher.quoteReplacement(
                "@" + (m.group(2) == null || m.group(2).isBlank() ? m.group(1) : m.group(2))));
        result = CHANNEL.matcher(result).replaceAll(m -> Matcher.quoteReplacement("#" + m.group(1)));
        result = SPECIAL.matcher(result).replaceAll(m -> Matcher.quoteReplacement("@" + m.group(1)));
        return result.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** The first web link in a Slack message's text. */
    static Optional<String> firstUrl(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = ANY_URL.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
    }

    static boolean isWebUrl(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(text.strip());
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static boolean present(@Nullable String text) {
        return text != null && !text.isBlank();
    }
}
