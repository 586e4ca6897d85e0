package com.oktoslack.people;

import com.oktoslack.testing.AppTestBase;
import com.oktoslack.testing.FakeSlack;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class PeopleCommandsTest extends AppTestBase {

    @Inject
    People people;

    String userId;
    String advocateId;

    /** Seeded before any call: Oktopost's user list is cached for minutes. */
    @BeforeAll
    void seed() {
        slack.addUser("U100", "Dana@Example.com", "Dana Doe", "Europe/Berlin", false);
        slack.addUser("U200", "nobody@example.com", "No Body", "UTC", false);
        userId = oktopost.addUser("Dana Doe", "dana@example.com").get("Id").asText();
        advocateId = oktopost.addAdvocate("Dana Doe", "dana@example.com").get("Id").asText();
    }

    @Test
    void linkFindsTheOktopostUserAndAdvocateByTheSlackEmail() {

        slackRequests().slashCommand("U100", "link", slack.responseUrl("link-1"));

        FakeSlack.Call answer = slack.await("response_url", c -> "link-1".equals(c.param("response_id")), Duration.ofSeconds(10));
        assertTrue(answer.param("text").contains("Oktopost user: Dana Doe"), answer.param("text"));
        PersonLink link = people.linkOf("U100").orElseThrow();
        assertEquals(userId, link.oktopostUserId());
        assertEquals(advocateId, link.advocateId());

        String whoami = slackRequests().slashCommand("U100", "whoami", slack.responseUrl("w-1")).body();
        assertTrue(whoami.contains(userId), whoami);

        slackRequests().slashCommand("U100", "dm off", slack.responseUrl("dm-1"));
        assertFalse(people.linkOf("U100").orElseThrow().dmEnabled());

        slackRequests().slashCommand("U100", "unlink", slack.responseUrl("u-1"));
        assertTrue(people.linkOf("U100").isEmpty());
    }

    @Test
    void linkWithNoMatchingOktopostPersonSaysWhatToDoAndStoresNothing() {
        slackRequests().slashCommand("U200", "link", slack.responseUrl("link-2"));

        FakeSlack.Call answer = slack.await("response_url", c -> "link-2".equals(c.param("response_id")), Duration.ofSeconds(10));
        assertTrue(answer.param("text").contains("No Oktopost user or advocate has the e-mail nobody@example.com"), answer.param("text"));
        assertTrue(people.linkOf("U200").isEmpty());
    }
}
