package com.oktoslack.scheduling;

import com.google.gson.Gson;
import com.slack.api.model.view.ViewState;
import com.slack.api.util.json.GsonFactory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static com.oktoslack.scheduling.ScheduleViews.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks of a submitted scheduling form, without an app: values in, errors by field or the order out. */
class ScheduleValidationTest {

    private static final Gson SLACK_JSON = GsonFactory.createSnakeCase();
    private static final Instant NOW = Instant.parse("2030-06-10T09:00:00Z");
    private static final ScheduleMetadata IN_BERLIN = new ScheduleMetadata("Europe/Berlin", null, null);

    private static ScheduleValidation.Checked check(ScheduleForms.Values values) {
        ViewState state = SLACK_JSON.fromJson(SLACK_JSON.toJson(Map.of("values", values.state())), ViewState.class);
        return ScheduleValidation.check(ScheduleState.of(state), IN_BERLIN, NOW);
    }

    private static ScheduleForms.Values complete() {
        return new ScheduleForms.Values().text("Our report is out").networks("LinkedIn")
                .profile("LinkedIn", "p1", "Acme page").campaign("c1", "Launch").at("2030-06-11", "10:00", "Europe/Berlin");
    }

    @Test
    void aCompleteFormIsAnOrderAtThePickedTimeInThePickedZone() {
        ScheduleValidation.Checked checked = check(complete().link("https://acme.example/report"));

        assertTrue(checked.ok(), checked.errors().toString());
        assertEquals(Instant.parse("2030-06-11T08:00:00Z").getEpochSecond(), checked.order().startAt());
        assertEquals("Our report is out\n\nhttps://acme.example/report", checked.order().text());
        assertEquals("c1", checked.order().campaignId());
    }

    @Test
    void eachMissingValueIsToldAtItsField() {
        ScheduleValidation.Checked checked = check(new ScheduleForms.Values());

        assertFalse(checked.ok());
        assertNull(checked.order());
        assertEquals(java.util.Set.of(TEXT_BLOCK, NETWORKS_BLOCK, PROFILES_BLOCK, CAMPAIGN_BLOCK, DATE_BLOCK, TIME_BLOCK),
                checked.errors().keySet());
    }

    @Test
    void aTimeThatHasPassedIsRefusedUnlessItIsADraft() {
        ScheduleForms.Values earlierToday = complete().at("2030-06-10", "10:00", "Europe/Berlin");

        assertEquals(java.util.Set.of(TIME_BLOCK), check(earlierToday).errors().keySet(), "10:00 in Berlin is 08:00 UTC");
        assertEquals(java.util.Set.of(DATE_BLOCK), check(complete().at("2030-06-09", "23:00", "Europe/Berlin")).errors().keySet());
        assertTrue(check(earlierToday.draft()).ok());
    }

    @Test
    void aProfileOfANetworkNotPickedIsRefused() {
        ScheduleValidation.Checked checked = check(complete().profile("Facebook", "p2", "Acme on Facebook"));

        assertEquals(java.util.Set.of(PROFILES_BLOCK), checked.errors().keySet());
    }

    @Test
    void aLinkThatIsNoWebAddressIsRefused() {
        assertEquals(java.util.Set.of(LINK_BLOCK), check(complete().link("javascript:alert(1)")).errors().keySet());
    }

    @Test
    void theTextMayFillTheNetworksLimitAndNoMore() {
        assertTrue(check(twitter("x".repeat(280))).ok());
        assertEquals(java.util.Set.of(TEXT_BLOCK), check(twitter("x".repeat(281))).errors().keySet());
        assertTrue(check(linkedIn("x".repeat(3000))).ok());
        assertEquals(java.util.Set.of(TEXT_BLOCK), check(linkedIn("x".repeat(3001))).errors().keySet());
    }

    @Test
    void theLengthCountsCharactersAsPeopleSeeThemAndLinksOnXAsTwentyThree() {
        String link = "https://acme.example/" + "a".repeat(200);
        assertTrue(check(twitter("x".repeat(280 - 1 - 23) + " " + link)).ok(), "a long link counts 23 on X");
        assertEquals(java.util.Set.of(TEXT_BLOCK), check(twitter("x".repeat(280 - 23) + " " + link)).errors().keySet());
        assertTrue(check(twitter("\uD83D\uDE00".repeat(280))).ok(), "an emoji is one character, two UTF-16 units");
        assertTrue(check(linkedIn("\uD83D\uDE00".repeat(3000))).ok());
    }

    @Test
    void theLinkAddedToTheTextCountsToo() {
        ScheduleForms.Values values = twitter("x".repeat(260)).link("https://acme.example/report");

        assertEquals(java.util.Set.of(TEXT_BLOCK), check(values).errors().keySet(), "260 + 2 newlines + 23");
        assertTrue(check(twitter("x".repeat(255)).link("https://acme.example/report")).ok());
    }

    private static ScheduleForms.Values twitter(String text) {
        return new ScheduleForms.Values().text(text).networks("Twitter").profile("Twitter", "t1", "Acme on X")
                .campaign("c1", "Launch").at("2030-06-11", "10:00", "Europe/Berlin");
    }

    private static ScheduleForms.Values linkedIn(String text) {
        return new ScheduleForms.Values().text(text).networks("LinkedIn").profile("LinkedIn", "p1", "Acme page")
                .campaign("c1", "Launch").at("2030-06-11", "10:00", "Europe/Berlin");
    }
}
