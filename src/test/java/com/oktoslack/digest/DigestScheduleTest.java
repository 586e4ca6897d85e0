package com.oktoslack.digest;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a digest is due, in local time, across daylight-saving changes; no app needed. */
class DigestScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void timesAndZonesAreReadLeniently() {
        assertEquals(Optional.of(LocalTime.of(9, 0)), DigestSchedule.parseTime("9:00"));
        assertEquals(Optional.of(LocalTime.of(17, 30)), DigestSchedule.parseTime("17.30"));
        assertEquals(Optional.empty(), DigestSchedule.parseTime("24:00"));
        assertEquals(Optional.empty(), DigestSchedule.parseTime("9am"));
        assertEquals(Optional.of(BERLIN), DigestSchedule.parseZone("europe/berlin"));
        assertEquals(Optional.of(ZoneId.of("UTC")), DigestSchedule.parseZone("UTC"));
        assertEquals(Optional.empty(), DigestSchedule.parseZone("Mars/Olympus"));
    }

    @Test
    void dueFromTheLocalTimeOnUntilSentForThatDay() {
        DigestSubscription sub = subscription("09:00", null);
        assertEquals(Optional.empty(), DigestSchedule.dueDay(sub, Instant.parse("2024-03-11T07:59:59Z")));
        assertEquals(Optional.of(LocalDate.of(2024, 3, 11)), DigestSchedule.dueDay(sub, Instant.parse("2024-03-11T08:00:00Z")));
        // Still due late in the day when a restart missed the morning...
        assertEquals(Optional.of(LocalDate.of(2024, 3, 11)), DigestSchedule.dueDay(sub, Instant.parse("2024-03-11T22:59:00Z")));
        // ...but not once sent for that day.
        assertEquals(Optional.empty(), DigestSchedule.dueDay(subscription("09:00", "2024-03-11"), Instant.parse("2024-03-11T22:59:00Z")));
        // After local midnight the missed day is dropped; the next is due at its own time.
        assertEquals(Optional.empty(), DigestSchedule.dueDay(sub, Instant.parse("2024-03-11T23:30:00Z")));
    }

    @Test
    void aSubscriptionMadeAfterTodaysTimeStartsTomorrow() {
        DigestSubscription late = new DigestSubscription("channel:C1", "channel", "C1", "09:00", "Europe/Berlin", "U1",
                Instant.parse("2024-03-11T09:30:00Z"), null, null, null, null);
        assertEquals(Optional.empty(), DigestSchedule.dueDay(late, Instant.parse("2024-03-11T10:00:00Z")));
        assertEquals(Instant.parse("2024-03-12T08:00:00Z"), DigestSchedule.nextSend(late, Instant.parse("2024-03-11T10:00:00Z")));
    }

    @Test
    void springForwardMovesATimeInTheGapPastIt() {
        // 2024-03-31 in Berlin: 02:00 CET jumps to 03:00 CEST, so 02:30 does not exist that day.
        assertEquals(Instant.parse("2024-03-31T01:30:00Z"), DigestSchedule.dueOn(LocalDate.of(2024, 3, 31), LocalTime.of(2, 30), BERLIN));
        DigestSubscription sub = subscription("02:30", "2024-03-30");
        assertEquals(Optional.empty(), DigestSchedule.dueDay(sub, Instant.parse("2024-03-31T01:29:00Z")));
        assertTrue(DigestSchedule.dueDay(sub, Instant.parse("2024-03-31T01:30:00Z")).isPresent());
        // 09:00 is 07:00 UTC from that day on.
        assertEquals(Instant.parse("2024-03-31T07:00:00Z"), DigestSchedule.dueOn(LocalDate.of(2024, 3, 31), LocalTime.of(9, 0), BERLIN));
    }

    @Test
    void fallBackUsesTheFirstOfTheRepeatedHour() {
        // 2024-10-27 in Berlin: 03:00 CEST goes back to 02:00 CET, so 02:30 happens twice.
        assertEquals(Instant.parse("2024-10-27T00:30:00Z"), DigestSchedule.dueOn(LocalDate.of(2024, 10, 27), LocalTime.of(2, 30), BERLIN));
        DigestSubscription sentAtFirst = subscription("02:30", "2024-10-27");
        assertEquals(Optional.empty(), DigestSchedule.dueDay(sentAtFirst, Instant.parse("2024-10-27T01:30:00Z")));
    }

    private static DigestSubscription subscription(String time, String lastSent) {
        return new DigestSubscription("channel:C1", "channel", "C1", time, "Europe/Berlin", "U1",
                Instant.parse("2024-01-01T00:00:00Z"), lastSent, null, null, null);
    }
}
