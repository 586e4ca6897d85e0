package com.oktoslack.reminders;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReminderHoursTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ReminderHours OFFICE = ReminderHours.parse(ReminderHours.DEFAULT);

    @Test
    void theSameUtcTimeIsInsideOrOutsideTheHoursAcrossBothDaylightSavingChanges() {
        // Spring forward on Sunday 8 March 2026: 13:30 UTC is 08:30 EST on the Friday before, 09:30 EDT on the Monday after.
        assertFalse(OFFICE.allows(Instant.parse("2026-03-06T13:30:00Z"), NEW_YORK));
        assertTrue(OFFICE.allows(Instant.parse("2026-03-09T13:30:00Z"), NEW_YORK));
        // Fall back on Sunday 1 November 2026: 13:30 UTC is 09:30 EDT on the Friday before, 08:30 EST on the Monday after.
        assertTrue(OFFICE.allows(Instant.parse("2026-10-30T13:30:00Z"), NEW_YORK));
        assertFalse(OFFICE.allows(Instant.parse("2026-11-02T13:30:00Z"), NEW_YORK));
        // The end is not included: 18:00 local is over, whatever the offset.
        assertTrue(OFFICE.allows(Instant.parse("2026-11-02T22:59:00Z"), NEW_YORK));
        assertFalse(OFFICE.allows(Instant.parse("2026-11-02T23:00:00Z"), NEW_YORK));
        assertFalse(OFFICE.allows(Instant.parse("2026-03-07T15:00:00Z"), NEW_YORK), "Saturday");
    }

    @Test
    void daysListsRangesAlwaysAndMidnight() {
        ReminderHours weekend = ReminderHours.parse("Sat-Sun,Wed 10:00-24:00");
        ZoneId utc = ZoneId.of("UTC");
        assertTrue(weekend.allows(Instant.parse("2026-03-07T23:59:00Z"), utc));
        assertTrue(weekend.allows(Instant.parse("2026-03-04T10:00:00Z"), utc));
        assertFalse(weekend.allows(Instant.parse("2026-03-05T12:00:00Z"), utc), "Thursday");
        assertTrue(ReminderHours.parse("Fri-Mon 09:00-10:00").allows(Instant.parse("2026-03-08T09:30:00Z"), utc), "a range across the week's end");
        assertTrue(ReminderHours.parse("ALWAYS").allows(Instant.parse("2026-03-08T03:00:00Z"), NEW_YORK));
    }

    @Test
    void aMalformedValueIsNamedInOneLine() {
        assertEquals("`Mo` is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)",
                assertThrows(IllegalArgumentException.class, () -> ReminderHours.parse("Mo-Fri 09:00-18:00")).getMessage());
        assertEquals("the hours must start before they end (18:00-09:00)",
                assertThrows(IllegalArgumentException.class, () -> ReminderHours.parse("Mon-Fri 18:00-09:00")).getMessage());
        assertEquals("`25:00` is not a time of day (HH:MM)",
                assertThrows(IllegalArgumentException.class, () -> ReminderHours.parse("Mon 25:00-26:00")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ReminderHours.parse("weekdays"));
        assertThrows(IllegalArgumentException.class, () -> ReminderHours.parse(""));
    }

    @Test
    void durationsAsPeopleTypeThem() {
        assertEquals(Optional.of(Duration.ofMinutes(1)), ReminderDurations.parse("1m"));
        assertEquals(Optional.of(Duration.ofHours(4)), ReminderDurations.parse("4H"));
        assertEquals(Optional.of(Duration.ofDays(2)), ReminderDurations.parse("2d"));
        assertEquals(Optional.empty(), ReminderDurations.parse("0m"));
        assertEquals(Optional.empty(), ReminderDurations.parse("1.5h"));
        assertEquals(Optional.empty(), ReminderDurations.parse("366d"));
        assertEquals(Optional.empty(), ReminderDurations.parse("4 h"));
        assertEquals("90m", ReminderDurations.format(Duration.ofMinutes(90)));
        assertEquals("2d", ReminderDurations.format(Duration.ofHours(48)));
        assertEquals("3 hours", ReminderDurations.words(Duration.ofMinutes(200)));
        assertEquals("1 minute", ReminderDurations.words(Duration.ofSeconds(20)));
    }
}
