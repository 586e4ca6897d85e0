package com.oktoslack.digest;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each subscription gets one digest per local day: repeated ticks, late ticks and daylight-saving changes. */
@MicronautTest(transactional = false)
class DigestOncePerDayTest extends DigestTestBase {

    @Test
    void sendsOnceWhenDueAndNotAgainThatDay() {
        subscribeChannel(CHANNEL, "09:00", "Europe/Berlin");

        assertEquals(0, tickAt("2024-03-11T07:59:30Z"), "08:59 in Berlin");
        assertEquals(1, tickAt("2024-03-11T08:00:10Z"));
        assertEquals(0, tickAt("2024-03-11T08:01:10Z"));
        assertEquals(0, tickAt("2024-03-11T21:00:00Z"));
        assertEquals(1, digestsTo(CHANNEL).size());
        assertEquals("2024-03-11", subscriptions.findById("channel:" + CHANNEL).orElseThrow().lastSentDate());

        assertEquals(0, tickAt("2024-03-12T07:30:00Z"));
        assertEquals(1, tickAt("2024-03-12T08:00:05Z"));
        assertEquals(2, digestsTo(CHANNEL).size());
    }

    @Test
    void aTickLateInTheDaySendsTheMissedDigestOnce() {
        subscribeChannel(CHANNEL, "09:00", "Europe/Berlin");

        assertEquals(1, tickAt("2024-03-11T15:42:00Z"));
        assertEquals(0, tickAt("2024-03-11T15:43:00Z"));
        assertEquals(1, digestsTo(CHANNEL).size());
    }

    @Test
    void digestsDueTogetherShareOneLookAtOktopost() {
        subscribeChannel(CHANNEL, "09:00", "Europe/Berlin");
        subscribeChannel("C0SECOND", "08:00", "Europe/London");
        subscribeChannel("C0THIRD", "03:00", "America/New_York");
        clock.at("2024-03-11T08:00:30Z");
        oktopost.reset();

        assertEquals(3, scheduler.sendDue());

        assertEquals(1, oktopost.count("GET", "/workflow-item"));
        assertEquals(1, digestsTo("C0SECOND").size());
        assertEquals(1, digestsTo("C0THIRD").size());
    }

    @Test
    void springForwardSendsNineOClockOnceAndATimeInTheGapOnce() {
        subscribeChannel(CHANNEL, "09:00", "Europe/Berlin");
        subscribeChannel("C0NIGHT", "02:30", "Europe/Berlin");

        // Saturday 30 March: CET, UTC+1.
        assertEquals(2, tickAt("2024-03-30T08:00:30Z"));
        // Sunday 31 March: clocks jump from 02:00 to 03:00, so 02:30 does not exist; it goes out at 03:30 CEST.
        assertEquals(0, tickAt("2024-03-31T00:59:00Z"));
        assertEquals(0, tickAt("2024-03-31T01:00:30Z"));
        assertEquals(1, tickAt("2024-03-31T01:30:30Z"));
        assertEquals(0, tickAt("2024-03-31T02:00:00Z"));
        // 09:00 is now UTC+2: due at 07:00 UTC, and not again at 08:00 UTC.
        assertEquals(0, tickAt("2024-03-31T06:59:00Z"));
        assertEquals(1, tickAt("2024-03-31T07:00:30Z"));
        assertEquals(0, tickAt("2024-03-31T08:00:30Z"));

        assertEquals(2, digestsTo(CHANNEL).size());
        assertEquals(2, digestsTo("C0NIGHT").size());
    }

    @Test
    void fallBackSendsTheRepeatedHourOnce() {
        subscribeChannel("C0NIGHT", "02:30", "Europe/Berlin");
        subscribeChannel(CHANNEL, "09:00", "Europe/Berlin");

        // Sunday 27 October: 02:00-03:00 happens twice, first in CEST (UTC+2), then in CET (UTC+1).
        assertEquals(0, tickAt("2024-10-27T00:29:00Z"));
        assertEquals(1, tickAt("2024-10-27T00:30:30Z"), "02:30 CEST");
        assertEquals(0, tickAt("2024-10-27T01:30:30Z"), "02:30 CET, the same local day");
        assertEquals(0, tickAt("2024-10-27T07:00:30Z"), "08:00 CET");
        assertEquals(1, tickAt("2024-10-27T08:00:30Z"), "09:00 CET");
        assertEquals(1, tickAt("2024-10-28T01:30:30Z"), "Monday 02:30 CET");

        assertEquals(2, digestsTo("C0NIGHT").size());
        assertEquals(1, digestsTo(CHANNEL).size());
    }

    @Test
    void aSlackOutageGivesTheDayBackAndRetriesLater() {
        subscribeChannel(CHANNEL, "09:00", "Europe/Berlin");
        slack.on("chat.postMessage", call -> Map.of("ok", false, "error", "service_unavailable"));

        assertEquals(0, tickAt("2024-03-11T08:00:30Z"));
        DigestSubscription released = subscriptions.findById("channel:" + CHANNEL).orElseThrow();
        assertNull(released.lastSentDate());
        assertEquals("service_unavailable", released.lastError());

        slack.reset();
        assertEquals(0, tickAt("2024-03-11T08:02:00Z"), "waits before trying again");
        assertEquals(1, tickAt("2024-03-11T08:06:00Z"));
        assertEquals(0, tickAt("2024-03-11T08:07:00Z"));
    }

    @Test
    void aChannelThatRefusesTheAppLosesOnlyThatDay() {
        subscribeChannel(CHANNEL, "09:00", "Europe/Berlin");
        slack.on("chat.postMessage", call -> Map.of("ok", false, "error", "not_in_channel"));

        assertEquals(0, tickAt("2024-03-11T08:00:30Z"));
        assertEquals(0, tickAt("2024-03-11T08:10:30Z"));
        assertEquals(1, slack.calls("chat.postMessage").size(), "not retried every minute");
        assertEquals("not_in_channel", subscriptions.findById("channel:" + CHANNEL).orElseThrow().lastError());
        String settings = ack(ALICE, "digest");
        assertTrue(settings.contains("The last one did not go out: I'm not in this channel"), settings);

        slack.reset();
        assertEquals(1, tickAt("2024-03-12T08:00:30Z"));
    }

    @Test
    void anOktopostFailureWaitsBeforeAskingAgain() {
        subscribeChannel(CHANNEL, "09:00", "Europe/Berlin");
        oktopost.failNext(401, 1);

        assertEquals(0, tickAt("2024-03-11T08:00:30Z"));
        oktopost.reset();
        assertEquals(0, tickAt("2024-03-11T08:01:30Z"));
        assertEquals(0, oktopost.requests().size(), "no call while backing off");
        DigestSubscription waiting = subscriptions.findById("channel:" + CHANNEL).orElseThrow();
        assertNull(waiting.lastSentDate(), "the day is still open");
        assertEquals(DigestSender.OKTOPOST_UNAVAILABLE, waiting.lastError());
        assertTrue(ack(ALICE, "digest").contains("Oktopost could not be read"));

        assertEquals(1, tickAt("2024-03-11T08:06:00Z"));
    }
}
