package com.oktoslack.slack;

import io.micronaut.core.annotation.Nullable;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Text for Block Kit: escaping, cutting to a limit with an ellipsis, links and Slack's date tokens. */
public final class Mrkdwn {

    private static final DateTimeFormatter FALLBACK_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private Mrkdwn() {
    }

    /** Escapes the three characters Slack's mrkdwn treats as control characters, so content cannot ping or link. */
    public static String escape(@Nullable String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** At most {@code max} characters, ending in an ellipsis when cut; never splits a surrogate pair. */
    public static String cut(@Nullable String text, int max) {
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

    /** As {@link #cut}, on one line. */
    public static String snippet(@Nullable String text, int max) {
        return cut(text == null ? null : text.replaceAll("\\s+", " "), max);
    }

    /** Escaped text, cut so that the escaped form stays within {@code limit} characters. */
    public static String fit(@Nullable String text, int limit) {
        int rawLimit = limit;
        String escaped = escape(cut(text, rawLimit));
        while (escaped.length() > limit && rawLimit > 1) {
            rawLimit -= Math.max(1, escaped.length() - limit);
            escaped = escape(cut(text, rawLimit));
        }
        return escaped;
    }

    /** A mrkdwn link {@code <url|label>}; characters that would end the link early are neutralised. */
    public static String link(String url, String label) {
        String safeUrl = url.strip().replace("|", "%7C").replace(">", "%3E").replace("<", "%3C").replace(" ", "%20");
        return "<" + safeUrl + "|" + escape(label).replace("|", "¦") + ">";
    }

    /** "Tue 16 Jan 2030 at 9:30 AM", in each reader's own time zone. */
    public static String when(Instant at) {
        return date(at, "{date_short_pretty} at {time}");
    }

    /** Slack's date token in {@code format}: each reader sees their own time zone; UTC where it is not understood. */
    public static String date(Instant at, String format) {
        return date(at, format, FALLBACK_DATE.format(at.atOffset(ZoneOffset.UTC)));
    }

    public static String date(Instant at, String format, String fallback) {
        return "<!date^" + at.getEpochSecond() + "^" + format + "|" + fallback + ">";
    }

    /** A day as Slack shows it to each reader; the token's time is the day's start in the zone it was counted in. */
    public static String day(LocalDate day, ZoneId zone) {
        return date(day.atStartOfDay(zone).toInstant(), "{date_long_pretty}", DAY.format(day));
    }

    private static boolean present(@Nullable String text) {
        return text != null && !text.isBlank();
    }

    /** An absolute http(s) address with a host. */
    public static boolean isWebUrl(@Nullable String text) {
        if (!present(text)) {
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
}
