package com.oktoslack.approvals;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Text for Block Kit: escaping, cutting to a limit with an ellipsis, links and Slack's date token. */
final class Mrkdwn {

    private static final DateTimeFormatter FALLBACK_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private Mrkdwn() {
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
        if (end > 0 && Character.isLowSurrogate(stripped.charAt(end)) && Character.isHighSurrogate(stripped.charAt(end - 1))) {
            end--;
        }
        return stripped.substring(0, end).stripTrailing() + "…";
    }

    /** Escaped text, cut so that the escaped form stays within {@code limit} characters. */
    static String fit(@Nullable String text, int limit) {
        int rawLimit = limit;
        String escaped = escape(cut(text, rawLimit));
        while (escaped.length() > limit && rawLimit > 1) {
            rawLimit -= Math.max(1, escaped.length() - limit);
            escaped = escape(cut(text, rawLimit));
        }
        return escaped;
    }

    /** A mrkdwn link {@code <url|label>}; characters that would end the link early are neutralised. */
    static String link(String url, String label) {
        String safeUrl = url.strip().replace("|", "%7C").replace(">", "%3E").replace("<", "%3C").replace(" ", "%20");
        return "<" + safeUrl + "|" + escape(label).replace("|", "¦") + ">";
    }

    /** Slack's date token: each reader sees it in their own time zone; UTC where the token is not understood. */
    static String date(Instant when) {
        String fallback = FALLBACK_DATE.format(when.atOffset(ZoneOffset.UTC));
        return "<!date^" + when.getEpochSecond() + "^{date_short_pretty} at {time}|" + fallback + ">";
    }

    static boolean present(@Nullable String text) {
        return text != null && !text.isBlank();
    }

    static boolean isWebUrl(@Nullable String text) {
        return present(text) && (text.strip().startsWith("https://") || text.strip().startsWith("http://"));
    }
}
