package com.oktoslack.reminders;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When reminders may reach a person, in their own time zone: {@code always}, or days and a span of the day such as
 * {@code Mon-Fri 09:00-18:00} or {@code Mon,Wed,Sat-Sun 10:00-16:30} (the end is not included; {@code 24:00} ends
 * with the day). The local time is worked out from an instant by the zone's rules, so a daylight-saving change moves
 * nothing: 09:00 in New York is 14:00 UTC in winter and 13:00 UTC in summer.
 */
record ReminderHours(boolean always, Set<DayOfWeek> days, LocalTime from, LocalTime until, boolean untilMidnight) {

    private static final Pattern FORM = Pattern.compile("([A-Za-z,\\-]+)\\s+(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");
    private static final Map<String, DayOfWeek> DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat", DayOfWeek.SATURDAY,
            "sun", DayOfWeek.SUNDAY);

    static final String DEFAULT = "Mon-Fri 09:00-18:00";

    ReminderHours {
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
    }

    /** The hours {@code text} says; an IllegalArgumentException names what is wrong with it. */
    static ReminderHours parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.equalsIgnoreCase("always")) {
            return new ReminderHours(true, EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, true);
        }
        Matcher m = FORM.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected `always` or days and hours like `" + DEFAULT + "`");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : m.group(1).split(",")) {
            String[] range = part.split("-", -1);
            if (range.length > 2) {
                throw new IllegalArgumentException("`" + part + "` is not a day or a range of days");
            }
            DayOfWeek first = day(range[0]);
            DayOfWeek last = range.length == 2 ? day(range[1]) : first;
            for (DayOfWeek d = first; ; d = d.plus(1)) {
                days.add(d);
                if (d == last) {
                    break;
                }
            }
        }
        LocalTime from = time(m.group(2));
        boolean untilMidnight = m.group(3).equals("24:00");
        LocalTime until = untilMidnight ? LocalTime.MAX : time(m.group(3));
        if (!from.isBefore(until)) {
            throw new IllegalArgumentException("the hours must start before they end (" + m.group(2) + "-" + m.group(3) + ")");
        }
        return new ReminderHours(false, days, from, until, untilMidnight);
    }

    boolean allows(Instant at, ZoneId zone) {
        if (always) {
            return true;
        }
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(from) && (untilMidnight || time.isBefore(until));
    }

    private static DayOfWeek day(String name) {
        DayOfWeek day = DAYS.get(name.strip().toLowerCase(Locale.ROOT));
        if (day == null) {
            throw new IllegalArgumentException("`" + name + "` is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)");
        }
        return day;
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("`" + text + "` is not a time of day (HH:MM)");
        }
    }
}
