package com.oktoslack.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turning Slack's message markup into text for a social post, and times into Slack date tokens. */
final class SlackText {

    private static final Pattern REFERENCE = Pattern.compile("<([^<>]*)>");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter FALLBACK = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private SlackText() {
    }

    /**
     * The text as people read it in Slack: links as their address (or "label (address)"), mentions as
     * {@code @name}, channels as {@code #name}, entities unescaped.
     */
    static String plain(String slackText, Function<String, String> userName) {
        if (slackText == null || slackText.isEmpty()) {
            return "";
        }
        Matcher references = REFERENCE.matcher(slackText);
        StringBuilder out = new StringBuilder();
        while (references.find()) {
            references.appendReplacement(out, Matcher.quoteReplacement(reference(references.group(1), userName)));
        }
        references.appendTail(out);
        return unescape(out.toString());
    }

    private static String reference(String inside, Function<String, String> userName) {
        int bar = inside.indexOf('|');
        String target = bar < 0 ? inside : inside.substring(0, bar);
        String label = bar < 0 ? null : inside.substring(bar + 1);
        if (target.startsWith("@U") || target.startsWith("@W")) {
            return "@" + (label != null && !label.isBlank() ? label : userName.apply(target.substring(1)));
        }
        if (target.startsWith("#C") || target.startsWith("#G")) {
            return "#" + (label != null && !label.isBlank() ? label : target.substring(1));
        }
        if (target.startsWith("!")) {
            String special = target.substring(1);
            if (special.startsWith("subteam^") || special.startsWith("date^")) {
                return label != null ? label : "";
            }
            return "@" + special;
        }
        String address = target.startsWith("mailto:") ? target.substring("mailto:".length()) : target;
        if (label == null || label.isBlank() || label.equals(address)) {
            return address;
        }
        return label + " (" + address + ")";
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** Escapes text for Slack mrkdwn so content cannot ping people or form links. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A time Slack shows in each reader's own time zone, e.g. {@code {date_short_pretty} at {time}}. */
    static String date(Instant at, String format) {
        return date(at, format, FALLBACK.format(at));
    }

    /** A day as Slack shows it to each reader; the token's time is the day's start in the zone it was counted in. */
    static String day(LocalDate day, ZoneId zone) {
        return date(day.atStartOfDay(zone).toInstant(), "{date_long_pretty}", DAY.format(day));
    }

    private static String date(Instant at, String format, String fallback) {
        return "<!date^" + at.getEpochSecond() + "^" + format + "|" + fallback + ">";
    }

    /** "Tue 16 Jan 2030 at 9:30 AM", in the reader's zone. */
    static String when(Instant at) {
        return date(at, "{date_short_pretty} at {time}");
    }

    /** At most {@code max} characters on one line, ending in an ellipsis when cut. */
    static String snippet(String text, int max) {
        return cut(text == null ? "" : text.strip().replaceAll("\\s+", " "), max);
    }

    /** At most {@code max} characters, ending in an ellipsis when cut. */
    static String cut(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        int end = text.offsetByCodePoints(0, max - 1);
        return text.substring(0, end).stripTrailing() + "…";
    }
}
