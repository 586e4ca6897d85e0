package com.oktoslack.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oktoslack.testing.AppTestBase;
import com.oktoslack.testing.FakeSlack;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may see and do what, tried as the review did: a member Oktopost does not know, a guest and a user of
 * another workspace (both with e-mails Oktopost knows), a read-only Oktopost user, a publisher and an admin.
 */
@MicronautTest(transactional = false)
class AudienceTest extends AppTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHANNEL = "C0GENERAL";
    private static final String PUBLISHER = "U0PAULA";
    private static final String READER = "U0RITA";
    private static final String NOBODY = "U0NOBODY";
    private static final String GUEST = "U0GUEST";
    private static final String OUTSIDER = "U0OUTSIDE";
    private static final String ADMIN = "U0ADMIN";
    private static final String POST_TEXT = "Secret launch text for next week";
    private static final String STORY_TITLE = "Board story for advocates only";

    @Inject
    DataSource dataSource;

    private final Map<String, ObjectNode> slackUsers = new HashMap<>();

    @BeforeAll
    void world() {
        oktopost.addUser("Paula Publisher", "paula@acme.example");
        oktopost.addUser("Rita Reader", "rita@acme.example", "read");
        oktopost.addUser("Gus Guest", "gus@acme.example");
        oktopost.addUser("Olga Outside", "olga@partner.example");
        String campaign = oktopost.addCampaign("Launch").get("Id").asText();
        String profile = oktopost.addCredential("LinkedIn", "Acme on LinkedIn").get("Id").asText();
        String message = oktopost.addMessage(campaign, "LinkedIn", POST_TEXT).get("Id").asText();
        oktopost.addPost(message, profile, Instant.now().plus(Duration.ofDays(2)), "pending");
        String board = oktopost.addBoard("Advocacy").get("Id").asText();
        oktopost.addStory(board, STORY_TITLE, message);
        slackUser(PUBLISHER, "paula@acme.example", false, false, "T0TEST");
        slackUser(READER, "rita@acme.example", false, false, "T0TEST");
        slackUser(NOBODY, "nobody@acme.example", false, false, "T0TEST");
        slackUser(GUEST, "gus@acme.example", false, true, "T0TEST");
        slackUser(OUTSIDER, "olga@partner.example", false, false, "T0OTHER");
        slackUser(ADMIN, "admin@acme.example", true, false, "T0TEST");
    }

    @BeforeEach
    void fresh() {
        slack.reset();
        slack.on("users.info", call -> {
            ObjectNode user = slackUsers.get(call.param("user"));
            return user == null ? Map.of("ok", false, "error", "user_not_found") : Map.of("ok", true, "user", user);
        });
    }

    @Test
    void anUnlinkedMemberAndAGuestSeeNoPostsStoriesOrDigestAndNothingIsPostedToTheChannel() {
        for (String user : List.of(NOBODY, GUEST)) {
            for (String command : List.of("posts", "stories", "digest now", "digest here 09:00", "pending", "digest me now")) {
                String answer = answer(user, command);
                assertTrue(answer.equals(Audience.OUTSIDERS) || answer.contains("Oktopost"), user + " " + command + ": " + answer);
                assertFalse(answer.contains(POST_TEXT) || answer.contains(STORY_TITLE), user + " " + command + ": " + answer);
            }
        }
        assertEquals(Audience.OUTSIDERS, answer(GUEST, "posts"), "a guest is refused before anything is looked up");
        assertEquals(Audience.UNKNOWN, answer(NOBODY, "posts"));
        assertEquals(Audience.UNKNOWN, answer(NOBODY, "stories"));
        assertTrue(slack.calls("chat.postMessage").isEmpty(), "nothing posted: " + slack.calls("chat.postMessage"));
        assertEquals(0, count("SELECT COUNT(*) FROM digest_subscription"));
        assertEquals(0, count("SELECT COUNT(*) FROM person_link WHERE slack_user_id = '" + GUEST + "'"));
    }

    @Test
    void aSlackConnectUserIsRefusedEverywhere() {
        assertEquals(Audience.OUTSIDERS, answer(OUTSIDER, "posts"));
        assertEquals(Audience.OUTSIDERS, answer(OUTSIDER, "link"));
        assertEquals(Audience.OUTSIDERS, answer(OUTSIDER, "help"));
        slackRequests().buttonClick(OUTSIDER, "approvals_approve", "{}", "C0APPROVALS", "1700000000.000100",
                slack.responseUrl("outsider-click"));
        FakeSlack.Call told = slack.await("response_url", c -> "outsider-click".equals(c.param("response_id")), Duration.ofSeconds(10));
        assertEquals(Audience.OUTSIDERS, told.param("text"));
        assertEquals(0, count("SELECT COUNT(*) FROM person_link WHERE slack_user_id = '" + OUTSIDER + "'"));
    }

    @Test
    void aReadOnlyOktopostUserCannotPostADigestIntoAChannelButSeesTheCalendar() {
        String now = answer(READER, "digest now");
        assertTrue(now.contains("needs an Oktopost user who is not read-only, or a Slack workspace admin"), now);
        String here = answer(READER, "digest here 09:00");
        assertTrue(here.contains("needs an Oktopost user who is not read-only"), here);
        assertTrue(slack.calls("chat.postMessage").isEmpty());
        assertEquals(0, count("SELECT COUNT(*) FROM digest_subscription"));
        assertTrue(answer(READER, "posts").contains(POST_TEXT), "reading is what read-only users may do");
    }

    @Test
    void anAdminAndAPublisherMayPostADigestIntoAChannel() {
        command(ADMIN, "digest now");
        slack.await("chat.postMessage", c -> CHANNEL.equals(c.param("channel")), Duration.ofSeconds(10));
        String here = answer(PUBLISHER, "digest here 09:00 Europe/Berlin");
        assertTrue(here.contains("every day at 09:00 (Europe/Berlin)"), here);
        assertEquals(1, count("SELECT COUNT(*) FROM digest_subscription"));
        count("DELETE FROM digest_subscription");
        assertTrue(answer(PUBLISHER, "posts").contains(POST_TEXT));
        String stories = answer(PUBLISHER, "stories");
        assertTrue(stories.startsWith("Current advocacy stories") || stories.equals("No current advocacy stories."), stories);
    }

    // ----

    private void slackUser(String id, String email, boolean admin, boolean guest, String team) {
        ObjectNode user = JSON.createObjectNode();
        user.put("id", id).put("team_id", team).put("name", id.toLowerCase()).put("real_name", id).put("tz", "Europe/Berlin")
                .put("is_admin", admin).put("is_owner", false).put("is_restricted", guest).put("is_ultra_restricted", false);
        user.putObject("profile").put("email", email).put("real_name", id);
        slackUsers.put(id, user);
    }

    private HttpResponse<String> command(String user, String text) {
        return slackRequests().slashCommand(user, text, slack.responseUrl(user + "-" + text.replace(' ', '_')));
    }

    /** The ack's text, or else the first follow-up that is not a progress note. */
    private String answer(String user, String text) {
        String id = user + "-" + text.replace(' ', '_') + "-" + System.nanoTime();
        HttpResponse<String> response = slackRequests().slashCommand(user, text, slack.responseUrl(id));
        assertEquals(200, response.statusCode());
        String ack = ackText(response.body());
        if (!ack.isEmpty() && !ack.endsWith("…")) {
            return ack;
        }
        return slack.await("response_url", c -> id.equals(c.param("response_id")), Duration.ofSeconds(10)).param("text");
    }

    private static String ackText(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            return JSON.readTree(body).path("text").asText();
        } catch (IOException e) {
            return body;
        }
    }

    private long count(String sql) {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement statement = connection.createStatement()) {
            if (!sql.startsWith("SELECT")) {
                return statement.executeUpdate(sql);
            }
            try (ResultSet result = statement.executeQuery(sql)) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
