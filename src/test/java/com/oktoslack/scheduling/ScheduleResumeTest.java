package com.oktoslack.scheduling;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.oktoslack.testing.FakeOktopost;
import com.oktoslack.testing.FakeSlack;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.oktoslack.scheduling.ScheduleWorld.MIA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A request the app was carrying out when it stopped is finished after the next start, without repeats. */
class ScheduleResumeTest {

    @Test
    void anInterruptedRequestCarriesOnAfterARestartAndAdoptsPostsWhoseAnswerWasLost() throws Exception {
        String database = "jdbc:sqlite:target/test-db/scheduling-resume-" + UUID.randomUUID() + ".db";
        try (FakeOktopost oktopost = FakeOktopost.start(); FakeSlack slack = FakeSlack.start()) {
            ScheduleWorld world = new ScheduleWorld(oktopost, slack);
            Map<String, Object> properties = new HashMap<>();
            properties.put("oktopost.base-url", oktopost.baseUrl());
            properties.put("slack.api-url", slack.apiUrl());
            properties.put("datasources.default.url", database);

            // The stopped run had created the LinkedIn message and asked for its posts; Oktopost made the post,
            // but its answer never arrived.
            Instant startAt = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
            String linkedInMessage = oktopost.addMessage(world.springCampaign, "LinkedIn", "Carry on").get("Id").asText();
            oktopost.addPost(linkedInMessage, world.acmePage, startAt, "pending");
            ScheduleOrder order = new ScheduleOrder("Carry on", world.springCampaign, "Spring launch",
                    List.of(new ScheduleOrder.Target("LinkedIn", List.of(new ScheduleOrder.Profile(world.acmePage, "Acme page"))),
                            new ScheduleOrder.Target("Twitter", List.of(new ScheduleOrder.Profile(world.acmeX, "Acme on X")))),
                    startAt.getEpochSecond(), false, world.workflowId, "Marketing review", ScheduleWorld.MIA_ZONE, null);
            ScheduleProgress progress = ScheduleProgress.none().withMessage("LinkedIn", linkedInMessage)
                    .calling(ScheduleProgress.Call.POSTS, "LinkedIn");

            try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
                ScheduleRequestRepository requests = first.getApplicationContext().getBean(ScheduleRequestRepository.class);
                ObjectMapper json = first.getApplicationContext().getBean(ObjectMapper.class);
                Instant now = Instant.now();
                assertEquals(1, requests.insertIfAbsent("V0RESUME", MIA, json.writeValueAsString(order),
                        json.writeValueAsString(ScheduleProgress.none()), now));
                assertEquals(1, requests.claim("V0RESUME", now));
                requests.saveProgress("V0RESUME", json.writeValueAsString(progress), now);
            }
            assertEquals(0, oktopost.count("POST", "/"));

            try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
                FakeSlack.Call told = slack.await("chat.postMessage", c -> MIA.equals(c.param("channel")), Duration.ofSeconds(15));
                assertTrue(told.param("text").contains("Scheduled 2 posts for <!date^" + startAt.getEpochSecond() + "^"),
                        told.param("text"));

                assertEquals(1, oktopost.count("POST", "/post"), "the LinkedIn post is not made twice");
                assertEquals(world.acmeX, oktopost.last("POST", "/post").param("credentialIds"));
                assertEquals(linkedInMessage, oktopost.last("GET", "/post").param("messageId"));
                assertEquals(1, oktopost.count("POST", "/message"));
                assertEquals("Twitter", oktopost.last("POST", "/message").param("network"));
                assertEquals(2, oktopost.count("POST", "/workflow-item"));
                assertEquals(2, oktopost.posts().size());
                ScheduleRequestRepository requests = second.getApplicationContext().getBean(ScheduleRequestRepository.class);
                assertEquals(ScheduleRequest.DONE, requests.findById("V0RESUME").orElseThrow().status());
            }
        }
    }
}
