package com.oktoslack.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oktoslack.people.DmMode;
import com.oktoslack.people.Preferences;
import com.oktoslack.results.MadePosts;
import com.oktoslack.testing.FakeSlack;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The App Home through signed requests, against a fake Slack that checks each publish's hash as Slack does. */
@MicronautTest(transactional = false)
class HomeTabTest extends ApprovalsTestBase {

    @Inject
    Preferences preferences;
    @Inject
    MadePosts madePosts;

    HomeClient home;

    @BeforeAll
    void homeClient() {
        home = new HomeClient(slackRequests(), slack);
    }

    @Test
    void anApproverSeesFiveWaitingItemsOldestFirstApprovesOneAndTheHomeIsRepublishedWithoutIt() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String id = world.messageItem("Home item " + i);
            client.newItem(id, world.workflowId);
            Cards.await(slack, ApprovalWorld.CHANNEL, id);
            ids.add(id);
        }
        awaitQuiet();

        assertEquals(200, home.open(ApprovalWorld.ANN, slack.homeHash(ApprovalWorld.ANN)).statusCode());
        Cards.until("Ann's Home lists her 5 items", () -> HomeClient.waiting(slack.home(ApprovalWorld.ANN)).equals(ids));
        JsonNode view = slack.home(ApprovalWorld.ANN);
        String text = view.toString();
        assertTrue(text.contains("Waiting for you (5)"), text);
        assertTrue(text.contains("Home item 1") && text.contains("step 1 of 3: Review") && text.contains("LinkedIn"), text);
        assertTrue(text.contains(ApprovalQueue.DECIDE_SEVERAL_ACTION), "Decide several");
        assertTrue(text.contains("Your settings") && text.contains("home_dm_grouped") && text.contains("home_reminders"), text);
        assertTrue(HomeClient.buttons(view).stream().anyMatch(b -> ApprovalCards.REJECT_ACTION.equals(b.path("action_id").asText())
                && b.path("value").asText().contains(ids.get(0))), "Reject on each entry");
        int publishes = slack.calls("views.publish").size();

        assertEquals(200, home.press(ApprovalWorld.ANN, ApprovalCards.APPROVE_ACTION, ids.get(0)).statusCode());

        Cards.until("the Home without the approved item", () -> HomeClient.waiting(slack.home(ApprovalWorld.ANN))
                .equals(ids.subList(1, 5)));
        assertEquals(1, oktopost.count("POST", "/workflow-item"));
        assertTrue(oktopost.requests().stream().anyMatch(r -> r.path().endsWith("/workflow-item/" + ids.get(0))),
                "decided in Oktopost by its own call");
        Cards.awaitCard(slack, ApprovalWorld.CHANNEL, ids.get(0), m -> Cards.text(m).contains("approved by <@U0ANN>"));
        List<FakeSlack.Call> after = slack.calls("views.publish").subList(publishes, slack.calls("views.publish").size());
        assertTrue(after.stream().allMatch(c -> c.param("hash") != null && !c.param("hash").isEmpty()),
                "each republish names the hash it replaces");
    }

    @Test
    void theHomeCalendarHasThePersonsOwnPostsOnly() {
        post("Ann wrote this in Oktopost", Duration.ofHours(3)).put("CreatedBy", world.annId);
        post("Dan wrote this one", Duration.ofHours(4)).put("CreatedBy", world.danId);
        String fromSlack = post("Ann scheduled this from Slack", Duration.ofDays(2)).get("Id").asText(); // the API user's
        madePosts.scheduled(ApprovalWorld.ANN, List.of(fromSlack));
        post("Ann's, but next month", Duration.ofDays(30)).put("CreatedBy", world.annId);

        assertEquals(200, home.open(ApprovalWorld.ANN, slack.homeHash(ApprovalWorld.ANN)).statusCode());
        Cards.until("Ann's Home shows her calendar", () -> slack.home(ApprovalWorld.ANN) != null
                && slack.home(ApprovalWorld.ANN).toString().contains("Your posts in the next 7 days* (2 posts)"));
        String text = slack.home(ApprovalWorld.ANN).toString();
        assertTrue(text.contains("Ann wrote this in Oktopost") && text.contains("Ann scheduled this from Slack"), text);
        assertFalse(text.contains("Dan wrote this one"), "another person's post");
        assertFalse(text.contains("next month"), text);
    }

    private ObjectNode post(String text, Duration from) {
        String messageId = oktopost.addMessage(world.campaignId, "LinkedIn", text).get("Id").asText();
        return oktopost.addPost(messageId, world.linkedInPageId, Instant.now().plus(from), "pending");
    }

    @Test
    void aPublishWithAStaleHashIsRefusedAndTriedOnceMoreWithTheCurrentState() {
        home.open(ApprovalWorld.CAT, null);
        Cards.until("Cat's first Home", () -> slack.home(ApprovalWorld.CAT) != null);
        String stale = slack.homeHash(ApprovalWorld.CAT);
        slack.changeHomeHash(ApprovalWorld.CAT);
        int before = slack.calls("views.publish").size();

        home.open(ApprovalWorld.CAT, stale);

        Cards.until("a publish that got through after the conflict", () -> slack.calls("views.publish").size() >= before + 2
                && !stale.equals(slack.homeHash(ApprovalWorld.CAT)));
        assertEquals(stale, slack.calls("views.publish").get(before).param("hash"), "the first try sent the stale hash");
    }

    @Test
    void anUnlinkedPersonSeesAnIntroductionAndLinkWhichLinksThem() {
        people.unlink(ApprovalWorld.EVE);
        home.open(ApprovalWorld.EVE, null);

        Cards.until("Eve's Home", () -> slack.home(ApprovalWorld.EVE) != null);
        JsonNode view = slack.home(ApprovalWorld.EVE);
        assertTrue(view.toString().contains("Welcome to okto-slack"), view.toString());
        assertEquals(List.of("home_link"), HomeClient.buttons(view).stream().map(b -> b.path("action_id").asText()).toList());
        assertFalse(view.toString().contains("Waiting for you"));

        home.press(ApprovalWorld.EVE, "home_link", null);

        Cards.until("Eve linked, and her Home with her settings", () -> people.linkOf(ApprovalWorld.EVE).isPresent()
                && slack.home(ApprovalWorld.EVE).toString().contains("Your settings"));
        people.unlink(ApprovalWorld.EVE);
    }

    @Test
    void dmChoicesByCommandAndOnTheHome() {
        assertTrue(slackRequests().slashCommand(ApprovalWorld.DAN, "dm each", slack.responseUrl("dm-each")).body()
                .contains("each approval card"));
        assertEquals(DmMode.EACH, preferences.dmMode(ApprovalWorld.DAN));
        slackRequests().slashCommand(ApprovalWorld.DAN, "dm off", slack.responseUrl("dm-off"));
        assertEquals(DmMode.OFF, preferences.dmMode(ApprovalWorld.DAN));
        assertFalse(people.linkOf(ApprovalWorld.DAN).orElseThrow().dmEnabled(), "no DM cards are made for Dan");
        slackRequests().slashCommand(ApprovalWorld.DAN, "dm grouped", slack.responseUrl("dm-grouped"));
        assertEquals(DmMode.GROUPED, preferences.dmMode(ApprovalWorld.DAN));
        assertTrue(people.linkOf(ApprovalWorld.DAN).orElseThrow().dmEnabled());
        assertTrue(slackRequests().slashCommand(ApprovalWorld.DAN, "dm sometimes", slack.responseUrl("dm-x")).body()
                .contains("/okto dm each|grouped|off"));

        home.open(ApprovalWorld.DAN, slack.homeHash(ApprovalWorld.DAN));
        Cards.until("Dan's Home", () -> slack.home(ApprovalWorld.DAN) != null);
        home.press(ApprovalWorld.DAN, "home_dm_each", null);
        Cards.until("DMs one per item", () -> preferences.dmMode(ApprovalWorld.DAN) == DmMode.EACH);
        home.press(ApprovalWorld.DAN, "home_reminders", null);
        Cards.until("reminders off", () -> !preferences.remindersOn(ApprovalWorld.DAN));
        Cards.until("the Home says so", () -> slack.home(ApprovalWorld.DAN).toString().contains("Turn on"));
        assertNotNull(slack.homeHash(ApprovalWorld.DAN));
        preferences.setDmMode(ApprovalWorld.DAN, DmMode.GROUPED);
        preferences.setRemindersOn(ApprovalWorld.DAN, true);
    }
}
