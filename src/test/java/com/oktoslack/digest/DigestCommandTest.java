package com.oktoslack.digest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oktoslack.testing.FakeSlack;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /okto digest} through signed slash commands: settings, validation, off and now. */
@MicronautTest(transactional = false)
class DigestCommandTest extends DigestTestBase {

    private String aliceId;

    /** Alice and Bob may post digests into channels: Oktopost knows them as publishers. */
    @BeforeEach
    void publishers() {
        aliceId = id(oktopost.addUser("Alice Approver", "alice@example.com"));
        oktopost.addUser("Bob Approver", "bob@example.com");
    }

    @Test
    void subscribesTheChannelAtATimeAndZone() {
        clock.at("2024-03-11T06:00:00Z");
        command(ALICE, "digest here 09:00 Europe/Berlin");

        FakeSlack.Call answer = followUp("every day at 09:00 (Europe/Berlin)");
        assertTrue(answer.param("text").contains("<!date^" + Instant.parse("2024-03-11T08:00:00Z").getEpochSecond()),
                answer.param("text"));
        DigestSubscription saved = subscriptions.findById("channel:" + CHANNEL).orElseThrow();
        assertEquals("09:00", saved.localTime());
        assertEquals("Europe/Berlin", saved.zone());
        assertEquals(ALICE, saved.setBy());

        String settings = ack(BOB, "digest");
        assertTrue(settings.contains("This channel: every day at 09:00 (Europe/Berlin)"), settings);
        assertTrue(settings.contains("Your personal DM: off"), settings);
    }

    @Test
    void withoutAZoneTheCallersSlackTimeZoneIsUsed() {
        command(BOB, "digest here 7:30");

        followUp("every day at 07:30 (America/New_York), your Slack time zone");
        assertEquals("America/New_York", subscriptions.findById("channel:" + CHANNEL).orElseThrow().zone());
    }

    @Test
    void changingTheTimeKeepsOneSubscriptionPerChannel() {
        command(ALICE, "digest here 09:00 Europe/Berlin");
        followUp("09:00");
        command(ALICE, "digest here 17:45 Europe/Paris");
        followUp("17:45");

        assertEquals(1, subscriptions.count());
        DigestSubscription saved = subscriptions.findById("channel:" + CHANNEL).orElseThrow();
        assertEquals("17:45", saved.localTime());
        assertEquals("Europe/Paris", saved.zone());
    }

    @Test
    void badTimesAndZonesAreRefusedAndChangeNothing() {
        String badTime = ack(ALICE, "digest here 25:00 Europe/Berlin");
        assertTrue(badTime.contains("`25:00` is not a time of day. Use 24-hour HH:MM"), badTime);

        String badZone = ack(ALICE, "digest here 09:00 Mars/Olympus");
        assertTrue(badZone.contains("`Mars/Olympus` is not a time zone I know"), badZone);

        String noTime = ack(ALICE, "digest here");
        assertTrue(noTime.contains("Tell me the time of day"), noTime);

        String unknown = ack(ALICE, "digest weekly");
        assertTrue(unknown.contains("Usage: `/okto digest"), unknown);

        assertEquals(0, subscriptions.count());
        assertTrue(slack.calls("response_url").isEmpty());
    }

    @Test
    void offRemovesTheChannelDigest() {
        subscribeChannel(CHANNEL, "09:00", "Europe/Berlin");

        command(ALICE, "digest off");
        followUp("No more daily digests in this channel.");
        assertFalse(subscriptions.existsById("channel:" + CHANNEL));
        command(ALICE, "digest off");
        followUp("This channel had no daily digest.");
    }

    @Test
    void nowPostsTheDigestWithoutTouchingTheDailySchedule() {
        subscribeChannel(CHANNEL, "09:00", "Europe/Berlin");
        clock.at("2024-03-11T06:00:00Z");

        String ack = ack(ALICE, "digest now");

        assertTrue(ack.contains("Putting today's digest together"), ack);
        FakeSlack.Call posted = slack.await("chat.postMessage", c -> CHANNEL.equals(c.param("channel")), Duration.ofSeconds(10));
        assertTrue(blockText(posted).contains("Oktopost daily digest"));
        assertNull(subscriptions.findById("channel:" + CHANNEL).orElseThrow().lastSentDate());
        // The scheduled digest still goes out at 09:00 Berlin.
        assertEquals(1, tickAt("2024-03-11T08:00:30Z"));
    }

    @Test
    void nowTellsWhyWhenSlackRefusesTheChannel() {
        slack.on("chat.postMessage", call -> Map.of("ok", false, "error", "not_in_channel"));

        command(ALICE, "digest now");

        followUp("I'm not in this channel. Invite me");
    }

    @Test
    void anApproverSubscribesAPersonalDigest() throws Exception {
        String alice = aliceId;
        ObjectNode workflow = oktopost.addWorkflow("Marketing", "Review");
        oktopost.addApprover(oktopost.stepId(id(workflow), 0), alice);
        client.forgetCachedLists();

        command(ALICE, "digest me 08:15");

        FakeSlack.Call answer = followUp("You'll get a DM of what waits for your approval every day at 08:15 (Europe/Berlin)");
        assertFalse(answer.param("text").contains("not an approver"), answer.param("text"));
        assertEquals(ALICE, subscriptions.findById("person:" + ALICE).orElseThrow().target());
        assertTrue(people.linkOf(ALICE).isPresent(), "linked by e-mail on the way");
        assertTrue(ack(ALICE, "digest").contains("Your personal DM: every day at 08:15 (Europe/Berlin)"));

        assertTrue(ack(ALICE, "digest me off").contains("No more personal digests."));
        assertFalse(subscriptions.existsById("person:" + ALICE));
    }

    @Test
    void someoneWithoutAnOktopostUserCannotSubscribeAPersonalDigest() {
        command(CAROL, "digest me 08:00");

        followUp("Run `/okto link`");
        assertEquals(0, subscriptions.count());
    }
}
