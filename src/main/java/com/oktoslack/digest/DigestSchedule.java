package com.oktoslack.digest;

import io.micronaut.core.annotation.Nullable;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a daily digest is due. The rule: on each local day (in the subscription's zone) the digest is due
 * from its local time on, once; a send missed while the app was down goes out when it is back, the same
 * local day only. Local times are resolved with {@link ZonedDateTime}, so a time inside a spring-forward gap
 * moves past the gap (02:30 becomes 03:30) and a time inside a fall-back overlap takes its first occurrence.
 */
final class DigestSchedule {

    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3])[:.]([0-5]\\d)");

    private DigestSchedule() {
    }

    /** {@code 9:00}, {@code 09:00} or {@code 17.30}; empty when it is not a 24-hour time of day. */
    static Optional<LocalTime> parseTime(String text) {
        Matcher matcher = TIME.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
    }

    /** An IANA zone such as {@code Europe/Berlin} in any letter case, {@code UTC}, or an offset like {@code +02:00}. */
    static Optional<ZoneId> parseZone(String text) {
        String wanted = text.strip();
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(wanted));
        } catch (DateTimeException e) {
            String lower = wanted.toLowerCase(Locale.ROOT);
            return ZoneId.getAvailableZoneIds().stream()
                    .filter(id -> id.toLowerCase(Locale.ROOT).equals(lower))
                    .findFirst()
                    .map(ZoneId::of);
        }
    }

    /** The instant the digest for {@code day} is due. */
    static Instant dueOn(LocalDate day, LocalTime time, ZoneId zone) {
        return ZonedDateTime.of(day, time, zone).toInstant();
    }

    static LocalDate today(Instant now, ZoneId zone) {
        return LocalDate.ofInstant(now, zone);
    }

    /** The local day whose digest should be sent now, or empty when none is due. */
    static Optional<LocalDate> dueDay(DigestSubscription subscription, Instant now) {
        ZoneId zone = subscription.zoneId();
        LocalDate day = today(now, zone);
        Instant due = dueOn(day, subscription.time(), zone);
        if (now.isBefore(due) || sentOnOrAfter(subscription, day) || due.isBefore(subscription.activeFrom())) {
            return Optional.empty();
        }
        if (subscription.retryAt() != null && now.isBefore(subscription.retryAt())) {
            return Optional.empty();
        }
        return Optional.of(day);
    }

    /** When the next digest goes out (an instant already past means: at the next tick). */
    static Instant nextSend(DigestSubscription subscription, Instant now) {
        ZoneId zone = subscription.zoneId();
        LocalDate day = today(now, zone);
        Instant due = dueOn(day, subscription.time(), zone);
        if (sentOnOrAfter(subscription, day) || due.isBefore(subscription.activeFrom())) {
            return dueOn(day.plusDays(1), subscription.time(), zone);
        }
        if (subscription.retryAt() != null && subscription.retryAt().isAfter(due)) {
            return subscription.retryAt();
        }
        return due;
    }

    private static boolean sentOnOrAfter(DigestSubscription subscription, LocalDate day) {
        @Nullable LocalDate last = subscription.lastSentDay();
        return last != null && !last.isBefore(day);
    }
}
