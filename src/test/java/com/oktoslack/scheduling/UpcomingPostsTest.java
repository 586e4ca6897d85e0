package com.oktoslack.scheduling;

import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.testing.AppTestBase;
import com.oktoslack.testing.FakeOktopost;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static com.oktoslack.scheduling.ScheduleWorld.MIA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /okto posts}: the coming week by day in the person's zone, privately. */
@MicronautTest(transactional = false)
class UpcomingPostsTest extends AppTestBase {

    /** Midnight in New York on 16 and 18 January 2030. */
    static final long JAN_16_NEW_YORK = 1_894_770_000L;
    static final long JAN_17_NEW_YORK = 1_894_856_400L;
    static final long JAN_18_NEW_YORK = 1_894_942_800L;

    private ScheduleWorld world;

    @Inject
    Oktopost oktopostFacade;

    @MockBean(Clock.class)
    Clock clock() {
        return ScheduleWorld.clock();
    }

    @BeforeEach
    void freshWorld() {
        slack.reset();
        oktopost.reset().clearRoutes().clearData();
        world = new ScheduleWorld(oktopost, slack);
        oktopostFacade.forgetCachedLists();
    }

    @Test
    void listsWhatGoesOutInTheNextSevenDaysByDayInThePersonsZone() {
        String release = oktopost.addMessage(world.springCampaign, "LinkedIn",
                "Big news: our spring release is here, with everything you asked for and more than fits on one line of Slack")
                .get("Id").asText();
        String tweet = oktopost.addMessage(world.springCampaign, "Twitter", "Spring <3 & you").get("Id").asText();
        String late = oktopost.addMessage(world.springCampaign, "LinkedIn", "Late night thoughts").get("Id").asText();
        String saturday = oktopost.addMessage(world.springCampaign, "LinkedIn", "Weekend read").get("Id").asText();
        String draft = oktopost.addMessage(world.springCampaign, "LinkedIn", "Not ready yet").get("Id").asText();
        String nextMonth = oktopost.addMessage(world.springCampaign, "LinkedIn", "Too far ahead").get("Id").asText();
        String sent = oktopost.addMessage(world.springCampaign, "LinkedIn", "Already out").get("Id").asText();
        oktopost.addPost(release, world.acmePage, Instant.parse("2030-01-16T14:00:00Z"), "pending");
        oktopost.addPost(tweet, world.acmeX, Instant.parse("2030-01-16T23:30:00Z"), "inqueue");
        // 23:30 on the 16th in New York, though already the 17th in UTC.
        oktopost.addPost(late, world.miaProfile, Instant.parse("2030-01-17T04:30:00Z"), "pending");
        oktopost.addPost(saturday, world.miaProfile, Instant.parse("2030-01-18T15:00:00Z"), "pending");
        oktopost.addPost(draft, world.acmePage, Instant.parse("2030-01-16T15:00:00Z"), "draft");
        oktopost.addPost(nextMonth, world.acmePage, Instant.parse("2030-01-23T15:00:00Z"), "pending");
        oktopost.addPost(sent, world.acmePage, Instant.parse("2030-01-15T12:00:00Z"), "complete");

        HttpResponse<String> response = slackRequests().slashCommand(MIA, "posts", slack.responseUrl("posts-1"));
        assertEquals(200, response.statusCode());

        var reply = slack.await("response_url", c -> "posts-1".equals(c.param("response_id")), Duration.ofSeconds(10));
        assertFalse("in_channel".equals(reply.param("response_type")), "only the person who asked sees it");
        String text = reply.param("text");
        assertTrue(text.startsWith("*Going out in the next 7 days* (4 posts):"), text);

        int day16 = text.indexOf("*<!date^" + JAN_16_NEW_YORK + "^{date_long_pretty}|Wednesday 16 January 2030>*");
        int day18 = text.indexOf("*<!date^" + JAN_18_NEW_YORK + "^{date_long_pretty}|Friday 18 January 2030>*");
        assertTrue(day16 > 0 && day18 > day16, text);
        assertFalse(text.contains("<!date^" + JAN_17_NEW_YORK + "^"), "the late post belongs to the 16th in New York");

        int releaseLine = text.indexOf("<!date^" + Instant.parse("2030-01-16T14:00:00Z").getEpochSecond() + "^{time}|");
        int tweetLine = text.indexOf("<!date^" + Instant.parse("2030-01-16T23:30:00Z").getEpochSecond() + "^{time}|");
        int lateLine = text.indexOf("<!date^" + Instant.parse("2030-01-17T04:30:00Z").getEpochSecond() + "^{time}|");
        int saturdayLine = text.indexOf("<!date^" + Instant.parse("2030-01-18T15:00:00Z").getEpochSecond() + "^{time}|");
        assertTrue(day16 < releaseLine && releaseLine < tweetLine && tweetLine < lateLine && lateLine < day18
                && day18 < saturdayLine, text);

        assertTrue(text.contains(" · LinkedIn · Acme page — Big news: our spring release is here, with everything you asked for and more th…"), text);
        assertTrue(text.contains(" · X (Twitter) · Acme on X (queued) — Spring &lt;3 &amp; you"), text);
        assertTrue(text.contains(" · LinkedIn · Mia Marketer — Weekend read"), text);
        assertFalse(text.contains("Not ready yet") || text.contains("Too far ahead") || text.contains("Already out"), text);

        FakeOktopost.RecordedRequest query = oktopost.last("GET", "/post");
        assertEquals("startDateTime,1", query.param("_order"));
        assertEquals("2030-01-15 15:20", query.param("after").substring(0, 16));
        assertEquals("2030-01-22 15:20", query.param("before").substring(0, 16));
        assertEquals(1, oktopost.count("GET", "/post"));
        assertEquals(1, oktopost.count("GET", "/message"), "the texts come in one batch");
    }

    @Test
    void saysSoWhenNothingIsScheduled() {
        slackRequests().slashCommand(MIA, "posts", slack.responseUrl("posts-2"));

        var reply = slack.await("response_url", c -> "posts-2".equals(c.param("response_id")), Duration.ofSeconds(10));
        assertEquals("Nothing is scheduled to go out in the next 7 days.", reply.param("text"));
    }
}
