package com.oktoslack.results;

import com.oktoslack.jobs.Jobs;
import com.oktoslack.testing.FakeOktopost;
import com.oktoslack.testing.FakeSlack;
import com.oktoslack.testing.WebhookDeliveries;
import com.oktoslack.testing.WebhookDeliveries.Reading;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The app stops after telling a post's live link and before its results are due; the next start on the same
 * database tells the results, once.
 */
class ResultsRestartTest {

    @Test
    void resultsDueAcrossARestartAreToldOnce() throws Exception {
        String database = "jdbc:sqlite:target/test-db/results-restart-" + UUID.randomUUID() + ".db";
        try (FakeOktopost oktopost = FakeOktopost.start(); FakeSlack slack = FakeSlack.start()) {
            Map<String, Object> properties = new HashMap<>();
            properties.put("oktopost.base-url", oktopost.baseUrl());
            properties.put("slack.api-url", slack.apiUrl());
            properties.put("datasources.default.url", database);
            properties.put("oktopost.webhook-secrets", PostResultsTest.SECRET);
            properties.put("okto.results.after", "3s");
            String credentialId = oktopost.addCredential("LinkedIn", "Acme LinkedIn Page").get("Id").asText();
            String messageId = oktopost.addMessage("LinkedIn", "Spring is here").get("Id").asText();
            String postId = oktopost.addPost(messageId, credentialId, Instant.now().plusSeconds(60), "pending").get("Id").asText();
            String url = "https://www.linkedin.com/feed/update/urn:li:activity:" + postId;

            try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
                first.getApplicationContext().getBean(MadePosts.class).scheduled(PostResultsTest.MAKER, List.of(postId));
                oktopost.publish(postId, url);
                oktopost.setStats(postId, 5, 1, 9, 0, 300);
                WebhookDeliveries deliveries = new WebhookDeliveries(first.getURI(), oktopost, PostResultsTest.SECRET, Reading.SDK);
                deliveries.send("postSent", deliveries.postSentObject(postId));
                slack.await("chat.postMessage", c -> PostResultsTest.MAKER.equals(c.param("channel"))
                        && c.param("text").contains("Live on"), Duration.ofSeconds(20));
            }

            try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
                slack.await("chat.postMessage", c -> PostResultsTest.MAKER.equals(c.param("channel"))
                        && c.param("text").contains("Results after 3 seconds"), Duration.ofSeconds(30));
                Jobs jobs = second.getApplicationContext().getBean(Jobs.class);
                PostResultsTest.until(() -> !jobs.waiting(StatsJob.KIND, postId));
            }
            assertEquals(1, slack.calls("chat.postMessage").stream().filter(c -> c.param("text").contains("Results after")).count(),
                    "told once, not lost and not doubled");
            assertEquals(1, slack.calls("chat.postMessage").stream().filter(c -> c.param("text").contains("Live on")).count());
        }
    }
}
