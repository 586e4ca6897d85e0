package com.oktoslack.reminders;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them for reminders: a whole number of minutes, hours or days ({@code 30m}, {@code 4h}, {@code 2d}). */
final class ReminderDurations {

    private static final Pattern FORM = Pattern.compile("(\\d{1,6})([mhd])");
    static final Duration LONGEST = Duration.ofDays(365);

    private ReminderDurations() {
    }

    /** Empty for anything else, for zero, and for more than a year. */
    static Optional<Duration> parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        return d.isZero() || d.compareTo(LONGEST) > 0 ? Optional.empty() : Optional.of(d);
    }

    /** The shortest way to type it again: {@code 2d}, {@code 90m}. */
    static String format(Duration d) {
        long minutes = d.toMinutes();
        if (minutes % (60 * 24) == 0) {
            return minutes / (60 * 24) + "d";
        }
        return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
    }

    /** For people: "3 minutes", "5 hours", "2 days" (rounded down to the largest unit). */
    static String words(Duration d) {
        long days = d.toDays();
        long hours = d.toHours();
        long minutes = Math.max(1, d.toMinutes());
        return days >= 1 ? plural(days, "day") : hours >= 1 ? plural(hours, "hour") : plural(minutes, "minute");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
