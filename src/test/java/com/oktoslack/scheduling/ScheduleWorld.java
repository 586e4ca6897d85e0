package com.oktoslack.scheduling;

import com.oktoslack.testing.FakeOktopost;
import com.oktoslack.testing.FakeSlack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * An Oktopost account with two LinkedIn profiles, one X profile, a YouTube channel and an expired Facebook page;
 * two campaigns and a one-step workflow. Mia (New York) may schedule; Rob's e-mail is unknown to Oktopost and
 * Vera's Oktopost user is read-only.
 */
final class ScheduleWorld {

    /** Tuesday 15 January 2030, 10:20 in New York. */
    static final Instant NOW = Instant.parse("2030-01-15T15:20:00Z");

    static final String MIA = "U0MIA";
    static final String MIA_ZONE = "America/New_York";
    static final String ROB = "U0ROB";
    static final String VERA = "U0VERA";
    static final String OTHER = "U0OTTO";

    final String acmePage;
    final String miaProfile;
    final String acmeX;
    final String youtube;
    final String expiredFacebook;
    final String springCampaign;
    final String summerCampaign;
    final String workflowId;

    ScheduleWorld(FakeOktopost oktopost, FakeSlack slack) {
        acmePage = oktopost.addCredential("LinkedIn", "Acme page").get("Id").asText();
        miaProfile = oktopost.addCredential("LinkedIn", "Mia Marketer").get("Id").asText();
        acmeX = oktopost.addCredential("Twitter", "Acme on X").get("Id").asText();
        youtube = oktopost.addCredential("Youtube", "Acme videos").get("Id").asText();
        expiredFacebook = oktopost.addCredential("Facebook", "Acme on Facebook").put("Status", "expired").get("Id").asText();
        springCampaign = oktopost.addCampaign("Spring launch").get("Id").asText();
        summerCampaign = oktopost.addCampaign("Summer webinar").get("Id").asText();
        workflowId = oktopost.addWorkflow("Marketing review", "Review").get("Id").asText();

        oktopost.addUser("Mia Marketer", "mia@acme.example", "publisher");
        oktopost.addUser("Vera Viewer", "vera@acme.example", "read");
        slack.addUser(MIA, "mia@acme.example", "Mia Marketer", MIA_ZONE, false);
        slack.addUser(ROB, "rob@elsewhere.example", "Rob Outsider", "Europe/London", false);
        slack.addUser(VERA, "vera@acme.example", "Vera Viewer", "Europe/Berlin", false);
        slack.addUser(OTHER, "otto@acme.example", "Otto Other", "Europe/Berlin", false);
    }

    /** The app's clock: {@link #NOW} when the test starts, running on from there. */
    static Clock clock() {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), NOW));
    }
}
