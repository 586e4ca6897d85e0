package com.oktoslack.stories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.people.People;
import com.oktoslack.people.PersonLink;
import com.oktoslack.testing.AppTestBase;
import com.oktoslack.testing.FakeOktopost;
import com.oktoslack.testing.FakeSlack;
import com.oktoslack.testing.SlackRequests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Suggest as story" turns a Slack message into a draft story, or one sent to approval. */
@MicronautTest(transactional = false)
class SuggestStoryTest extends AppTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String MIA = "U0MIA";
    private static final String SOURCE_TEXT = "Big news: we launched <https://acme.example/cloud|Acme Cloud>!\nTry it & tell <@U0ADA|ada>.";

    @Inject
    Oktopost facade;
    @Inject
    People people;
    @Inject
    StoryRequestRepository storyRequests;

    StoryWorld world;
    StoryRequestsClient client;
    String campaignId;
    String workflowId;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("okto.stories.sweep-every", "1h");
    }

    @BeforeEach
    void freshWorld() {
        oktopost.clearData().clearRoutes().reset();
        facade.forgetCachedLists();
        slack.reset();
        storyRequests.deleteAll();
        people.all().stream().map(PersonLink::slackUserId).forEach(people::unlink);
        world = new StoryWorld(oktopost, slack);
        campaignId = oktopost.addCampaign("Spring launch").get("Id").asText();
        workflowId = oktopost.addWorkflow("Marketing", "Review").get("Id").asText();
        oktopost.addUser("Mia Marketer", "mia@acme.example", "publisher");
        slack.addUser(MIA, "mia@acme.example", "Mia Marketer", "UTC", false);
        client = new StoryRequestsClient(server.getURI(), slackRequests());
    }

    @Test
    void aMarketerSuggestsAMessageAsADraftStory() throws Exception {
        HttpResponse<String> ack = shortcut(MIA);

        assertEquals(200, ack.statusCode());
        assertEquals(1, slack.calls("views.open").size(), "the modal opened while Slack waited for the ack");
        JsonNode form = filledForm();
        assertEquals("Big news: we launched Acme Cloud!", initial(form, StoryViews.TITLE_BLOCK));
        assertEquals("Big news: we launched Acme Cloud (https://acme.example/cloud)!\nTry it & tell @ada.",
                initial(form, StoryViews.DESCRIPTION_BLOCK));
        assertEquals("https://acme.example/cloud", initial(form, StoryViews.LINK_BLOCK));
        assertTrue(hasBlock(form, StoryViews.WORKFLOW_BLOCK));
        assertFalse(hasBlock(form, StoryViews.BOARD_BLOCK), "one board: nothing to choose");

        HttpResponse<String> answer = client.submit(MIA, newViewId(), StoryViews.SUGGEST_CALLBACK, metadata(form),
                values(form, campaignId, null));

        assertTrue(StoryRequestsClient.errors(answer).isEmpty(), answer.body());
        FakeSlack.Call confirmation = slack.await("chat.postMessage", c -> MIA.equals(c.param("channel")), WAIT);
        FakeOktopost.RecordedRequest created = StoryAnnouncementTest.only(oktopost.requests("POST", "/story"));
        assertEquals(world.boardId, created.param("boardId"));
        assertEquals("Big news: we launched Acme Cloud!", created.param("title"));
        assertEquals("Big news: we launched Acme Cloud (https://acme.example/cloud)!\nTry it & tell @ada.", created.param("description"));
        assertEquals(campaignId, created.param("campaignId"));
        assertEquals("https://acme.example/cloud", created.param("link"));
        assertEquals("1", created.param("isDraft"));
        assertNull(created.param("workflowId"));
        assertTrue(confirmation.param("text").startsWith(":white_check_mark: Suggested *<https://acme.example/cloud|Big news: we launched Acme Cloud!>* "
                + "as a draft story on *Acme Advocates*"), confirmation.param("text"));
        String storyId = oktopost.stories().get(oktopost.stories().size() - 1).get("ID").asText();
        assertEquals("draft", oktopost.story(storyId).orElseThrow().get("Status").asText());
    }

    @Test
    void aBareResultTellsTheSuggesterTheStoryWasCreatedAndItsName() throws Exception {
        suggestAnsweredWith(FakeOktopost.Readings.StoryAnswer.BARE_RESULT);
    }

    @Test
    void anAnswerWithTheStoryTellsTheSuggesterTheSame() throws Exception {
        suggestAnsweredWith(FakeOktopost.Readings.StoryAnswer.STORY);
    }

    /** Oktopost may answer POST /story with a bare Result or with the story: the suggester hears the same either way. */
    private void suggestAnsweredWith(FakeOktopost.Readings.StoryAnswer answer) throws Exception {
        oktopost.readings().storyAnswer(answer);
        try {
            shortcut(MIA);
            JsonNode form = filledForm();
            String viewId = newViewId();
            client.submit(MIA, viewId, StoryViews.SUGGEST_CALLBACK, metadata(form), values(form, campaignId, workflowId));

            FakeSlack.Call confirmation = slack.await("chat.postMessage", c -> MIA.equals(c.param("channel")), WAIT);
            assertTrue(confirmation.param("text").startsWith(":white_check_mark: Suggested *<https://acme.example/cloud|"
                    + "Big news: we launched Acme Cloud!>* as a story on *Acme Advocates* and sent it to approval in *Marketing*"),
                    confirmation.param("text"));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!storyRequests.findById(viewId).map(r -> r.payload().contains("\"done\"")).orElse(false)) {
                assertTrue(System.nanoTime() < deadline, "the suggestion is done");
                Thread.onSpinWait();
            }
            String storyId = oktopost.stories().get(oktopost.stories().size() - 1).get("ID").asText();
            assertTrue(storyRequests.findById(viewId).orElseThrow().payload().contains(storyId), "the new story's id is kept");
            assertEquals(1, slack.calls("chat.postMessage").stream().filter(c -> MIA.equals(c.param("channel"))).count(),
                    "one message, and no word of trouble");
            assertEquals(answer == FakeOktopost.Readings.StoryAnswer.BARE_RESULT ? 1 : 0,
                    oktopost.requests("GET", "/story").stream().filter(r -> r.path().equals("/story")).count(),
                    "a bare answer is followed by one look at the board's newest stories");
        } finally {
            oktopost.readings().strict();
        }
    }

    @Test
    void aPickedWorkflowSendsTheStoryToApproval() throws Exception {
        shortcut(MIA);
        JsonNode form = filledForm();

        client.submit(MIA, newViewId(), StoryViews.SUGGEST_CALLBACK, metadata(form), values(form, campaignId, workflowId));

        FakeSlack.Call confirmation = slack.await("chat.postMessage", c -> MIA.equals(c.param("channel")), WAIT);
        FakeOktopost.RecordedRequest created = StoryAnnouncementTest.only(oktopost.requests("POST", "/story"));
        assertEquals(workflowId, created.param("workflowId"));
        assertNull(created.param("isDraft"));
        assertTrue(confirmation.param("text").contains("sent it to approval in *Marketing*"), confirmation.param("text"));
    }

    @Test
    void anAdvocateWithoutAnOktopostUserMaySuggestDraftsOnly() throws Exception {
        shortcut(StoryWorld.ADA);
        JsonNode form = filledForm();

        assertFalse(hasBlock(form, StoryViews.WORKFLOW_BLOCK));
        Map<String, Object> values = values(form, campaignId, null);
        values.put(StoryViews.WORKFLOW_BLOCK, Map.of(StoryViews.WORKFLOW_ACTION,
                StoryRequestsClient.selected("static_select", workflowId, "Marketing")));
        client.submit(StoryWorld.ADA, newViewId(), StoryViews.SUGGEST_CALLBACK, metadata(form), values);

        slack.await("chat.postMessage", c -> StoryWorld.ADA.equals(c.param("channel")), WAIT);
        FakeOktopost.RecordedRequest created = StoryAnnouncementTest.only(oktopost.requests("POST", "/story"));
        assertEquals("1", created.param("isDraft"));
        assertNull(created.param("workflowId"), "a forged workflow choice is ignored");
    }

    @Test
    void peopleWhoMayNotSuggestAreToldWhy() {
        slack.addUser("U0NOBODY", "nobody@elsewhere.example", "No Body", "UTC", false);
        oktopost.addUser("Rita Reader", "rita@acme.example", "read");
        slack.addUser("U0RITA", "rita@acme.example", "Rita Reader", "UTC", false);

        shortcut("U0NOBODY");
        FakeSlack.Call notLinked = slack.await("views.update", c -> c.param("view").contains("/okto link"), WAIT);
        shortcut("U0RITA");
        FakeSlack.Call readOnly = slack.await("views.update", c -> c.param("view").contains("read-only role"), WAIT);

        assertFalse(notLinked.param("view").contains(StoryViews.SUGGEST_CALLBACK));
        assertFalse(readOnly.param("view").contains(StoryViews.SUGGEST_CALLBACK));
        assertEquals(0, oktopost.count("POST", "/story"));
    }

    @Test
    void mistakesAreShownNextToTheFields() throws Exception {
        shortcut(MIA);
        JsonNode form = filledForm();
        Map<String, Object> values = values(form, null, null);
        values.put(StoryViews.TITLE_BLOCK, Map.of(StoryViews.TITLE_ACTION, StoryRequestsClient.text(" ")));
        values.put(StoryViews.LINK_BLOCK, Map.of(StoryViews.LINK_ACTION, StoryRequestsClient.url("acme dot example")));

        Map<String, String> errors = StoryRequestsClient.errors(
                client.submit(MIA, newViewId(), StoryViews.SUGGEST_CALLBACK, metadata(form), values));

        assertEquals(Map.of(StoryViews.TITLE_BLOCK, "Give the story a title.",
                StoryViews.LINK_BLOCK, "That is not a web address; it should start with https://.",
                StoryViews.CAMPAIGN_BLOCK, "Pick the campaign the story belongs to."), errors);
        assertEquals(0, storyRequests.count());
    }

    @Test
    void theSameModalSubmittedTwiceCreatesOneStory() throws Exception {
        shortcut(MIA);
        JsonNode form = filledForm();
        String viewId = newViewId();

        client.submit(MIA, viewId, StoryViews.SUGGEST_CALLBACK, metadata(form), values(form, campaignId, null));
        client.submit(MIA, viewId, StoryViews.SUGGEST_CALLBACK, metadata(form), values(form, campaignId, null));

        slack.await("chat.postMessage", c -> MIA.equals(c.param("channel")), WAIT);
        assertEquals(1, oktopost.count("POST", "/story"));
    }

    @Test
    void severalBoardsAreOfferedToChooseFrom() throws Exception {
        String partners = oktopost.addBoard("Partners").get("Id").asText();
        facade.forgetCachedLists();
        shortcut(MIA);
        JsonNode form = filledForm();

        assertTrue(hasBlock(form, StoryViews.BOARD_BLOCK));
        Map<String, Object> values = values(form, campaignId, null);
        values.put(StoryViews.BOARD_BLOCK, Map.of(StoryViews.BOARD_ACTION, StoryRequestsClient.selected("static_select", partners, "Partners")));
        client.submit(MIA, newViewId(), StoryViews.SUGGEST_CALLBACK, metadata(form), values);

        FakeSlack.Call confirmation = slack.await("chat.postMessage", c -> MIA.equals(c.param("channel")), WAIT);
        assertEquals(partners, StoryAnnouncementTest.only(oktopost.requests("POST", "/story")).param("boardId"));
        assertTrue(confirmation.param("text").contains("on *Partners*"), confirmation.param("text"));
    }

    @Test
    void aMentionWithoutALabelReadsAsThePersonsName() throws Exception {
        slackRequests().messageShortcut(MIA, StoryViews.SUGGEST_SHORTCUT, "C0GENERAL", "1700000000.000300",
                "Thanks <@" + StoryWorld.ADA + "> for the launch", slack.responseUrl("suggest-mention"));

        JsonNode form = filledForm();

        assertEquals("Thanks @Ada Advocate for the launch", initial(form, StoryViews.TITLE_BLOCK));
        assertEquals("Thanks @Ada Advocate for the launch", initial(form, StoryViews.DESCRIPTION_BLOCK));
    }

    @Test
    void campaignsAreSearchedAsThePersonTypes() throws Exception {
        oktopost.addCampaign("Autumn webinar");
        Map<String, Object> payload = SlackRequests.base("block_suggestion", MIA);
        payload.put("action_id", StoryViews.CAMPAIGN_ACTION);
        payload.put("block_id", StoryViews.CAMPAIGN_BLOCK);
        payload.put("value", "spring");
        payload.put("view", Map.of("id", "V0SUGGEST", "type", "modal", "callback_id", StoryViews.SUGGEST_CALLBACK));

        HttpResponse<String> answer = slackRequests().interactive(payload);

        JsonNode options = JSON.readTree(answer.body()).get("options");
        assertEquals(1, options.size(), answer.body());
        assertEquals("Spring launch", options.get(0).at("/text/text").asText());
        assertEquals(campaignId, options.get(0).get("value").asText());
    }

    // ---- helpers

    private HttpResponse<String> shortcut(String userId) {
        return slackRequests().messageShortcut(userId, StoryViews.SUGGEST_SHORTCUT, "C0GENERAL", "1700000000.000200",
                SOURCE_TEXT, slack.responseUrl("suggest-" + userId));
    }

    private JsonNode filledForm() throws Exception {
        FakeSlack.Call update = slack.await("views.update", c -> c.param("view").contains(StoryViews.SUGGEST_CALLBACK), WAIT);
        return JSON.readTree(update.param("view"));
    }

    private static String initial(JsonNode form, String blockId) {
        for (JsonNode block : form.get("blocks")) {
            if (blockId.equals(block.path("block_id").asText())) {
                return block.at("/element/initial_value").asText();
            }
        }
        throw new AssertionError("no block " + blockId);
    }

    private static boolean hasBlock(JsonNode form, String blockId) {
        for (JsonNode block : form.get("blocks")) {
            if (blockId.equals(block.path("block_id").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String metadata(JsonNode form) {
        return form.get("private_metadata").asText();
    }

    private static Map<String, Object> values(JsonNode form, String campaign, String workflow) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(StoryViews.TITLE_BLOCK, Map.of(StoryViews.TITLE_ACTION, StoryRequestsClient.text(initial(form, StoryViews.TITLE_BLOCK))));
        values.put(StoryViews.DESCRIPTION_BLOCK, Map.of(StoryViews.DESCRIPTION_ACTION,
                StoryRequestsClient.text(initial(form, StoryViews.DESCRIPTION_BLOCK))));
        values.put(StoryViews.LINK_BLOCK, Map.of(StoryViews.LINK_ACTION, StoryRequestsClient.url(initial(form, StoryViews.LINK_BLOCK))));
        if (campaign != null) {
            values.put(StoryViews.CAMPAIGN_BLOCK, Map.of(StoryViews.CAMPAIGN_ACTION,
                    StoryRequestsClient.selected("external_select", campaign, "Spring launch")));
        }
        if (workflow != null) {
            values.put(StoryViews.WORKFLOW_BLOCK, Map.of(StoryViews.WORKFLOW_ACTION,
                    StoryRequestsClient.selected("static_select", workflow, "Marketing")));
        }
        return values;
    }

    private static String newViewId() {
        return "V" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

}
