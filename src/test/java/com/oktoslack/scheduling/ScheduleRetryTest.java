package com.oktoslack.scheduling;

import com.oktoslack.testing.AppTestBase;
import com.oktoslack.testing.FakeOktopost;
import com.oktoslack.testing.FakeSlack;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static com.oktoslack.scheduling.ScheduleWorld.MIA;
import static com.oktoslack.scheduling.ScheduleWorld.MIA_ZONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A request that fails in passing is tried again, looking first at what the last try made, and is given up
 * (what it made removed, the person told, the request counted failed) once its attempts are used up.
 */
@MicronautTest(transactional = false)
class ScheduleRetryTest extends AppTestBase {

    @Inject
    ScheduleRequestRepository requests;

    private ScheduleWorld world;

    @MockBean(Clock.class)
    Clock clock() {
        return ScheduleWorld.clock();
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("oktopost.limits.per-minute", "1000", "oktopost.limits.per-five-seconds", "1000",
                "okto.scheduling.attempts", "3", "okto.scheduling.retry-first", "200ms",
                "okto.scheduling.retry-max", "1s", "okto.scheduling.sweep-every", "1h");
    }

    @BeforeEach
    void freshWorld() {
        oktopost.rateLimits(1000, 1000, Duration.ofSeconds(1));
        slack.reset();
        oktopost.reset().clearRoutes().clearData();
        oktopost.readings().strict();
        world = new ScheduleWorld(oktopost, slack);
    }

    @Test
    void aPostWhoseAnswerWasLostIsFoundByTheRetryAndNotMadeTwice() {
        AtomicInteger calls = new AtomicInteger();
        oktopost.on("POST", "/post", r -> {
            if (calls.incrementAndGet() > 1) {
                return null;
            }
            oktopost.addPost(r.param("messageId"), r.param("credentialIds"),
                    Instant.ofEpochSecond(Long.parseLong(r.param("startDateTime"))), "pending");
            return FakeOktopost.Reply.error(502, "Bad gateway");
        });
        oktopost.failNext("POST", "/message", 503, 1);

        submit("V0RETRY");

        String text = outcome("V0RETRY");
        assertTrue(text.contains("Scheduled 1 post for <!date^"), text);
        assertEquals(2, oktopost.count("POST", "/message"), "the message create that failed is tried again");
        assertEquals(1, oktopost.messages().size());
        assertEquals(1, oktopost.count("POST", "/post"), "the retry finds the post and does not make it again");
        assertEquals(1, oktopost.posts().size());
        ScheduleRequest done = requests.findById("V0RETRY").orElseThrow();
        assertEquals(ScheduleRequest.DONE, done.status());
        assertEquals(2, done.attempts(), "two tries failed in passing before the third succeeded");
        assertEquals(1, slack.calls("response_url").size(), "the person is told once, when it is done");
    }

    @Test
    void aRequestThatKeepsFailingIsGivenUpRemovedToldAndShownFailed() {
        slack.addUser("UADMIN", "admin@example.com", "Ada Admin", "Europe/London", true);
        oktopost.on("POST", "/post", r -> FakeOktopost.Reply.error(503, "Service unavailable"));

        submit("V0DOOMED");

        String text = outcome("V0DOOMED");
        assertTrue(text.contains("was *not* scheduled") && text.contains("scheduling the LinkedIn posts"), text);
        assertTrue(text.contains("I removed what had been created (1 message"), text);
        assertEquals(3, oktopost.count("POST", "/post"), "three attempts in all, as the settings say");
        assertEquals(1, oktopost.count("POST", "/message"), "the message made by the first try is reused");
        assertTrue(oktopost.messages().isEmpty() && oktopost.posts().isEmpty(), "nothing is left in Oktopost");
        assertEquals(ScheduleRequest.UNDONE, requests.findById("V0DOOMED").orElseThrow().status());

        slackRequests().slashCommand("UADMIN", "status", slack.responseUrl("status-admin"));
        String status = slack.await("response_url", c -> "status-admin".equals(c.param("response_id")),
                Duration.ofSeconds(10)).param("text");
        assertTrue(status.contains("`scheduling.requests`: 0 waiting, *1 failed*"), status);
    }

    private void submit(String viewId) {
        new ScheduleForms(slackRequests()).submit(MIA, viewId, ScheduleForms.metadata(MIA_ZONE, slack.responseUrl(viewId)),
                new ScheduleForms.Values().text("Try again").networks("LinkedIn")
                        .profile("LinkedIn", world.acmePage, "Acme page").campaign(world.springCampaign, "Spring launch")
                        .at("2030-01-16", "09:30", MIA_ZONE));
    }

    private String outcome(String viewId) {
        FakeSlack.Call reply = slack.await("response_url", c -> viewId.equals(c.param("response_id")), Duration.ofSeconds(20));
        return reply.param("text");
    }
}
