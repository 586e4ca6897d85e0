package com.oktoslack.oktopost;

import io.micronaut.core.annotation.Nullable;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * A person's time zone, as Slack's profile or Oktopost's user gives it (an IANA id), and the times forms
 * propose in it. Every feature reads zones here, so a missing or unknown zone is UTC everywhere.
 */
public final class TimeZones {

    private TimeZones() {
    }

    /** The zone of an id; UTC when there is none or Java does not know it. */
    public static ZoneId of(@Nullable String id) {
        if (id == null || id.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** The start of the next whole hour in the zone: what a form proposes when a post or share is to go out later. */
    public static ZonedDateTime nextHour(Instant now, ZoneId zone) {
        return now.atZone(zone).truncatedTo(ChronoUnit.HOURS).plusHours(1);
    }
}
