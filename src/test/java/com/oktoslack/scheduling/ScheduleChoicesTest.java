package com.oktoslack.scheduling;

import com.oktoslack.oktopost.Credential;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Profiles Oktopost lists under "X" are scheduled to as Twitter, as stories share to them. */
class ScheduleChoicesTest {

    @Test
    void aProfileOnXIsOfferedAsTwitter() {
        Credential onX = new Credential("cred-x", "Acme", null, "valid", "X", "acme");
        Credential onLinkedIn = new Credential("cred-li", "Acme", null, "valid", "LinkedIn", "acme");
        ScheduleChoices choices = new ScheduleChoices(List.of(onX, onLinkedIn), List.of());

        assertEquals(List.of("LinkedIn", "Twitter"), choices.networks());
        assertEquals(List.of(onX), choices.profilesOf("Twitter"));
        assertEquals("X (Twitter)", Networks.label("X"));
        assertEquals(280, Networks.limit("X"));
    }
}
