package com.oktoslack.stories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.people.People;
import com.oktoslack.people.PersonLink;
import com.oktoslack.testing.AppTestBase;
import com.oktoslack.testing.FakeOktopost;
import com.oktoslack.testing.FakeSlack;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An advocate presses Share on a story card, picks profiles and a time, and the posts are created. */
@MicronautTest(transactional = false)
class ShareStoryTest extends AppTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    Oktopost facade;
    @Inject
    People people;
    @Inject
    StoryRequestRepository storyRequests;
    @Inject
    StoryRequests storyRequestsService;
    @Inject
    com.oktoslack.results.MadePosts madePosts;

    StoryWorld world;
    StoryRequestsClient client;

    @Override
    protected Map<String, String> extraProperties() {
        // Its tests together make more Oktopost calls in a minute than the account allows; pacing is not what they
        // are about (OktopostRateLimitTest is), so the app's limits and the fake's are raised alike.
        return Map.of("okto.stories.sweep-every", "1h",
                "oktopost.limits.per-minute", "1000", "oktopost.limits.per-five-seconds", "1000");
    }

    @BeforeEach
    void freshWorld() {
        oktopost.rateLimits(1000, 1000, Duration.ofSeconds(1));
        oktopost.clearData().clearRoutes().reset();
        facade.forgetCachedLists();
        slack.reset();
        storyRequests.deleteAll();
        people.all().stream().map(PersonLink::slackUserId).forEach(people::unlink);
        world = new StoryWorld(oktopost, slack);
        client = new StoryRequestsClient(server.getURI(), slackRequests());
    }

    @Test
    void anAdvocateSharesTheStoryToTheChosenProfilesAtTheChosenTime() throws Exception {
        JsonNode form = openShareForm(StoryWorld.ADA);

        assertEquals(StoryViews.SHARE_CALLBACK, form.get("callback_id").asText());
        JsonNode profiles = block(form, StoryViews.PROFILES_BLOCK).at("/element/options");
        assertEquals(List.of(world.linkedInProfileId, world.twitterProfileId), values(profiles),
                "valid profiles whose network has a message; not the expired one, not Facebook");
        assertEquals("LinkedIn · Ada Lovelace", profiles.get(0).at("/text/text").asText());
        assertEquals("Our 2026 report is out: what 500 marketers told us.",
                block(form, "text:linkedin").at("/element/initial_value").asText());
        assertEquals("Read the 2026 report #b2b", block(form, "text:twitter").at("/element/initial_value").asText());
        assertTrue(form.toString().contains("Not offered, as this story has no message for their network: Facebook · Ada on Facebook"));
        assertEquals("Time (Europe/Berlin)", block(form, StoryViews.TIME_BLOCK).at("/label/text").asText());

        LocalDate day = LocalDate.now(ZoneId.of(StoryWorld.ADA_ZONE)).plusDays(2);
        long startAt = day.atTime(LocalTime.of(9, 30)).atZone(ZoneId.of(StoryWorld.ADA_ZONE)).toEpochSecond();
        Map<String, String> both = new LinkedHashMap<>();
        both.put(world.linkedInProfileId, "LinkedIn · Ada Lovelace");
        both.put(world.twitterProfileId, "Twitter · ada");
        Map<String, Object> values = values(form, both, StoryViews.WHEN_LATER, day.toString(), "09:30");
        HttpResponse<String> answer = client.submit(StoryWorld.ADA, newViewId(), StoryViews.SHARE_CALLBACK, metadata(form), values);

        assertEquals(200, answer.statusCode());
        assertTrue(StoryRequestsClient.errors(answer).isEmpty(), answer.body());
        FakeSlack.Call confirmation = slack.await("chat.postMessage", c -> StoryWorld.ADA.equals(c.param("channel")), WAIT);
        List<FakeOktopost.RecordedRequest> posts = oktopost.requests("POST", "/post");
        assertEquals(2, posts.size(), "one call per network");
        assertEquals(world.linkedInMessageId, posts.get(0).param("messageId"));
        assertEquals(world.linkedInProfileId, posts.get(0).param("credentialIds"));
        assertEquals(Long.toString(startAt), posts.get(0).param("startDateTime"));
        assertEquals(world.twitterMessageId, posts.get(1).param("messageId"));
        assertEquals(world.twitterProfileId, posts.get(1).param("credentialIds"));
        assertEquals(Long.toString(startAt), posts.get(1).param("startDateTime"));
        assertEquals(0, oktopost.count("POST", "/message"), "unchanged texts use the story's own messages");
        assertTrue(confirmation.param("text").contains("Shared *Acme report 2026* to LinkedIn · Ada Lovelace and Twitter · ada."),
                confirmation.param("text"));
        assertTrue(confirmation.param("text").contains("<!date^" + startAt + "^{date_short_pretty} at {time}|"), confirmation.param("text"));
        oktopost.posts().forEach(p -> assertEquals(java.util.Optional.of(StoryWorld.ADA), madePosts.maker(p.get("Id").asText()),
                "remembered for its outcome"));
    }

    @Test
    void twoProfilesOfOneNetworkGetOnePostNamingBothAndAreReportedByProfile() throws Exception {
        shareToTwoLinkedInProfiles(FakeOktopost.Readings.PostAnswer.ONE_POST_FOR_ALL);
    }

    @Test
    void twoProfilesOfOneNetworkGetAPostEachAndAreReportedAlike() throws Exception {
        shareToTwoLinkedInProfiles(FakeOktopost.Readings.PostAnswer.ONE_POST_PER_PROFILE);
    }

    private void shareToTwoLinkedInProfiles(FakeOktopost.Readings.PostAnswer answer) throws Exception {
        oktopost.readings().postAnswer(answer);
        try {
            String second = oktopost.addProfile(world.advocateId, "LinkedIn", "Ada at Acme").get("Id").asText();
            JsonNode form = openShareForm(StoryWorld.ADA);
            Map<String, String> both = new LinkedHashMap<>();
            both.put(world.linkedInProfileId, "LinkedIn · Ada Lovelace");
            both.put(second, "LinkedIn · Ada at Acme");
            String day = LocalDate.now(ZoneId.of(StoryWorld.ADA_ZONE)).plusDays(2).toString();
            client.submit(StoryWorld.ADA, newViewId(), StoryViews.SHARE_CALLBACK, metadata(form),
                    values(form, both, StoryViews.WHEN_LATER, day, "09:30"));

            FakeSlack.Call confirmation = slack.await("chat.postMessage", c -> StoryWorld.ADA.equals(c.param("channel")), WAIT);
            FakeOktopost.RecordedRequest post = StoryAnnouncementTest.only(oktopost.requests("POST", "/post"));
            assertEquals(world.linkedInProfileId + "," + second, post.param("credentialIds"), "one call for the network");
            assertEquals(answer == FakeOktopost.Readings.PostAnswer.ONE_POST_FOR_ALL ? 1 : 2, oktopost.posts().size());
            assertTrue(confirmation.param("text").contains("Shared *Acme report 2026* to LinkedIn · Ada Lovelace and "
                    + "LinkedIn · Ada at Acme."), confirmation.param("text"));
        } finally {
            oktopost.readings().strict();
        }
    }

    @Test
    void editedTextIsSavedAsTheAdvocatesOwnMessageWithTheStorysLink() throws Exception {
        JsonNode form = openShareForm(StoryWorld.ADA);
        Map<String, Object> values = values(form, Map.of(world.linkedInProfileId, "LinkedIn · Ada Lovelace"),
                StoryViews.WHEN_NOW, null, null);
        values.put("text:linkedin", Map.of(StoryViews.TEXT_ACTION, StoryRequestsClient.text("My take: this report is worth your time.")));

        client.submit(StoryWorld.ADA, newViewId(), StoryViews.SHARE_CALLBACK, metadata(form), values);

        slack.await("chat.postMessage", c -> StoryWorld.ADA.equals(c.param("channel")), WAIT);
        FakeOktopost.RecordedRequest message = StoryAnnouncementTest.only(oktopost.requests("POST", "/message"));
        assertEquals("My take: this report is worth your time.", message.param("message"));
        assertEquals("LinkedIn", message.param("network"));
        assertEquals("https://acme.example/report", message.param("linkUrl"));
        FakeOktopost.RecordedRequest post = StoryAnnouncementTest.only(oktopost.requests("POST", "/post"));
        String ownMessageId = oktopost.messages().get(oktopost.messages().size() - 1).get("Id").asText();
        assertEquals(ownMessageId, post.param("messageId"));
        assertEquals(world.linkedInProfileId, post.param("credentialIds"));
        assertNull(post.param("startDateTime"), "now: Oktopost's default, a minute from now");
    }

    @Test
    void editedTextKeepsTheStorysLinkInTheTextWhenOktopostCouldNotTakeItAsAnAttachment() throws Exception {
        world.story.remove("ImageUrl");
        world.story.get("Messages").forEach(m -> ((ObjectNode) m).remove("ImageUrl"));
        JsonNode form = openShareForm(StoryWorld.ADA);
        Map<String, Object> values = values(form, Map.of(world.linkedInProfileId, "LinkedIn · Ada Lovelace"),
                StoryViews.WHEN_NOW, null, null);
        values.put("text:linkedin", Map.of(StoryViews.TEXT_ACTION, StoryRequestsClient.text("Worth your time.")));

        client.submit(StoryWorld.ADA, newViewId(), StoryViews.SHARE_CALLBACK, metadata(form), values);

        slack.await("chat.postMessage", c -> StoryWorld.ADA.equals(c.param("channel")), WAIT);
        FakeOktopost.RecordedRequest message = StoryAnnouncementTest.only(oktopost.requests("POST", "/message"));
        assertEquals("Worth your time. https://acme.example/report", message.param("message"));
        assertNull(message.param("linkUrl"), "no attachment without its image: Oktopost needs all four fields");
    }

    @Test
    void theSameModalSubmittedTwiceSharesOnce() throws Exception {
        JsonNode form = openShareForm(StoryWorld.ADA);
        Map<String, Object> values = values(form, Map.of(world.twitterProfileId, "Twitter · ada"), StoryViews.WHEN_NOW, null, null);
        String viewId = newViewId();

        client.submit(StoryWorld.ADA, viewId, StoryViews.SHARE_CALLBACK, metadata(form), values);
        client.submit(StoryWorld.ADA, viewId, StoryViews.SHARE_CALLBACK, metadata(form), values);

        slack.await("chat.postMessage", c -> StoryWorld.ADA.equals(c.param("channel")), WAIT);
        assertEquals(1, oktopost.count("POST", "/post"));
        assertEquals(1, storyRequests.count());
        awaitStatus(viewId, StoryRequest.DONE);
    }

    @Test
    void mistakesAreShownNextToTheFieldsAndChangeNothing() throws Exception {
        JsonNode form = openShareForm(StoryWorld.ADA);
        ZoneId berlin = ZoneId.of(StoryWorld.ADA_ZONE);

        Map<String, Object> noProfile = values(form, Map.of(), StoryViews.WHEN_NOW, null, null);
        assertEquals(Map.of(StoryViews.PROFILES_BLOCK, "Pick at least one profile to share to."),
                StoryRequestsClient.errors(client.submit(StoryWorld.ADA, newViewId(), StoryViews.SHARE_CALLBACK, metadata(form), noProfile)));

        Map<String, Object> noTime = values(form, Map.of(world.twitterProfileId, "Twitter · ada"), StoryViews.WHEN_LATER, null, null);
        assertEquals(Map.of(StoryViews.DATE_BLOCK, "Pick a date, or choose Now.", StoryViews.TIME_BLOCK, "Pick a time, or choose Now."),
                StoryRequestsClient.errors(client.submit(StoryWorld.ADA, newViewId(), StoryViews.SHARE_CALLBACK, metadata(form), noTime)));

        LocalDate yesterday = LocalDate.now(berlin).minusDays(1);
        Map<String, Object> past = values(form, Map.of(world.twitterProfileId, "Twitter · ada"), StoryViews.WHEN_LATER,
                yesterday.toString(), "10:00");
        assertEquals(Map.of(StoryViews.DATE_BLOCK, "That date has passed; pick today or a later day."),
                StoryRequestsClient.errors(client.submit(StoryWorld.ADA, newViewId(), StoryViews.SHARE_CALLBACK, metadata(form), past)));

        Map<String, Object> emptied = values(form, Map.of(world.twitterProfileId, "Twitter · ada"), StoryViews.WHEN_NOW, null, null);
        emptied.put("text:twitter", Map.of(StoryViews.TEXT_ACTION, StoryRequestsClient.text("  ")));
        assertEquals(Map.of("text:twitter", "Write the Twitter message, or untick your Twitter profiles."),
                StoryRequestsClient.errors(client.submit(StoryWorld.ADA, newViewId(), StoryViews.SHARE_CALLBACK, metadata(form), emptied)));

        assertEquals(0, storyRequests.count());
        assertEquals(0, oktopost.count("POST", "/post"));
    }

    @Test
    void aSlackUserNotOnTheBoardIsToldHowToLink() {
        slack.addUser("U0NOBODY", "nobody@elsewhere.example", "No Body", "UTC", false);

        slackRequests().buttonClick("U0NOBODY", StoryCards.SHARE_ACTION, new StoryRef(world.storyId, world.boardId).toJson(),
                "C0STORIES", "1700000000.000100", slack.responseUrl("share-nobody"));

        FakeSlack.Call answer = slack.await("response_url", c -> "share-nobody".equals(c.param("response_id")), WAIT);
        assertTrue(answer.param("text").contains("`/okto link`"), answer.param("text"));
        assertEquals("ephemeral", answer.param("response_type"));
        assertTrue(slack.calls("views.open").isEmpty());
        assertTrue(oktopost.requests().stream().noneMatch(r -> r.path().startsWith("/advocate/")), "no profiles were read");
    }

    @Test
    void anOktopostUserWhoIsNoAdvocateIsToldWhy() {
        oktopost.addUser("Mia Marketer", "mia@acme.example", "publisher");
        slack.addUser("U0MIA", "mia@acme.example", "Mia Marketer", "UTC", false);

        clickShare("U0MIA");

        FakeSlack.Call answer = slack.await("response_url", c -> "share-U0MIA".equals(c.param("response_id")), WAIT);
        assertTrue(answer.param("text").contains("not as an advocate on the board"), answer.param("text"));
        assertTrue(slack.calls("views.open").isEmpty());
    }

    @Test
    void whenOktopostRefusesThePostsTheAdvocateIsToldWhy() throws Exception {
        JsonNode form = openShareForm(StoryWorld.ADA);
        oktopost.on("POST", "/post", request -> FakeOktopost.Reply.fieldError("credentialIds", "The profile needs to be reconnected"));

        client.submit(StoryWorld.ADA, newViewId(), StoryViews.SHARE_CALLBACK, metadata(form),
                values(form, Map.of(world.twitterProfileId, "Twitter · ada"), StoryViews.WHEN_NOW, null, null));

        FakeSlack.Call told = slack.await("chat.postMessage", c -> StoryWorld.ADA.equals(c.param("channel")), WAIT);
        assertTrue(told.param("text").startsWith(":warning: I could not share *Acme report 2026*: Oktopost said:"), told.param("text"));
        assertTrue(told.param("text").contains("reconnected"), told.param("text"));
        assertEquals(StoryRequest.FAILED, storyRequests.findAll().iterator().next().status());
    }

    @Test
    void aShareOktopostCouldNotTakeIsRetriedLaterAndPostedOnce() throws Exception {
        JsonNode form = openShareForm(StoryWorld.ADA);
        oktopost.failNext("POST", "/post", 503, 1);
        String viewId = newViewId();

        client.submit(StoryWorld.ADA, viewId, StoryViews.SHARE_CALLBACK, metadata(form),
                values(form, Map.of(world.twitterProfileId, "Twitter · ada"), StoryViews.WHEN_NOW, null, null));

        FakeSlack.Call later = slack.await("chat.postMessage", c -> StoryWorld.ADA.equals(c.param("channel")), WAIT);
        assertTrue(later.param("text").contains("takes a little longer"), later.param("text"));
        awaitStatus(viewId, StoryRequest.RETRY);
        StoryRequest waiting = storyRequests.findById(viewId).orElseThrow();
        assertTrue(waiting.nextAttemptAt().isAfter(Instant.now()), "backs off before trying again");
        storyRequests.update(new StoryRequest(waiting.viewId(), waiting.kind(), waiting.slackUserId(), waiting.payload(),
                waiting.status(), waiting.attempts(), Instant.now().minusSeconds(1), waiting.lastError(), waiting.createdAt(),
                waiting.updatedAt()));

        storyRequestsService.run();

        assertEquals(StoryRequest.DONE, storyRequests.findById(viewId).orElseThrow().status());
        assertEquals(1, oktopost.posts().size(), "the post exists once");
        assertEquals(1, oktopost.requests("GET", "/post").size(), "the lost answer was checked before posting again");
        slack.await("chat.postMessage", c -> c.param("text").startsWith(":white_check_mark: Shared"), WAIT);
    }

    @Test
    void anAdvocateWithoutProfilesIsToldToConnectOne() throws Exception {
        String advocateId = oktopost.addAdvocate("Bob Bare", "bob@acme.example").get("Id").asText();
        slack.addUser("U0BOB", "bob@acme.example", "Bob Bare", "UTC", false);

        clickShare("U0BOB");

        FakeSlack.Call update = slack.await("views.update", c -> c.param("view").contains("connected social profiles"), WAIT);
        assertTrue(update.param("view").contains("connect your LinkedIn, X or Facebook profile"), update.param("view"));
        assertEquals(advocateId, oktopost.last("GET", "/advocate").pathSegment(1));
        assertEquals(world.boardId, oktopost.last("GET", "/advocate").param("boardId"));
    }

    @Test
    void aLinkedAdvocateGetsTheModalBeforeTheAckAndItIsFilledAfter() throws Exception {
        openShareForm(StoryWorld.ADA);
        slack.reset();
        oktopost.reset();

        clickShare(StoryWorld.ADA);

        assertEquals(1, slack.calls("views.open").size(), "the modal was opened while Slack waited for the ack");
        assertTrue(slack.calls("views.open").get(0).param("view").contains("Finding your profiles"));
        FakeSlack.Call filled = slack.await("views.update", c -> c.param("view").contains(StoryViews.SHARE_CALLBACK), WAIT);
        assertFalse(filled.param("hash").isBlank(), "the update carries the hash, so it cannot overwrite a newer view");
        assertEquals(1, oktopost.count("GET", "/advocate"), "the stored link is used; no e-mail lookup");
        assertNull(oktopost.last("GET", "/advocate").param("email"));
    }

    @Test
    void anUnfinishedShareIsResumedWithoutPostingTwice() throws Exception {
        // The LinkedIn post was created but its answer was lost; Twitter was not started. Since then, other
        // advocates have shared the same story message more than a page of posts' worth.
        oktopost.addPost(world.linkedInMessageId, world.linkedInProfileId, Instant.now().plusSeconds(60), "pending")
                .put("Created", StoryWorld.OKTOPOST_DATE.format(Instant.now().minusSeconds(60)));
        for (int i = 0; i < 120; i++) {
            String other = oktopost.addProfile(world.advocateId, "LinkedIn", "Other " + i).get("Id").asText();
            oktopost.addPost(world.linkedInMessageId, other, Instant.now().plusSeconds(60), "pending");
        }
        SharePlan plan = new SharePlan(world.storyId, world.boardId, "Acme report 2026", null, List.of(
                new SharePlan.Step("LinkedIn", world.linkedInMessageId, null, List.of(world.linkedInProfileId),
                        List.of("LinkedIn · Ada Lovelace"), SharePlan.SENDING, null, List.of()),
                new SharePlan.Step("Twitter", world.twitterMessageId, null, List.of(world.twitterProfileId),
                        List.of("Twitter · ada"), SharePlan.TODO, null, List.of())));
        String viewId = newViewId();
        Instant before = Instant.now().minusSeconds(3600);
        storyRequests.save(new StoryRequest(viewId, ShareWork.KIND, StoryWorld.ADA, JSON.writeValueAsString(plan),
                StoryRequest.WORKING, 0, before, null, Instant.now(), before));
        storyRequestsService.run();

        FakeOktopost.RecordedRequest post = StoryAnnouncementTest.only(oktopost.requests("POST", "/post"));
        assertEquals(world.twitterMessageId, post.param("messageId"));
        assertEquals(StoryRequest.DONE, storyRequests.findById(viewId).orElseThrow().status());
        slack.await("chat.postMessage", c -> StoryWorld.ADA.equals(c.param("channel")), WAIT);
    }

    // ---- helpers

    private void awaitStatus(String viewId, String status) {
        Instant deadline = Instant.now().plus(WAIT);
        while (!status.equals(storyRequests.findById(viewId).orElseThrow().status())) {
            assertFalse(Instant.now().isAfter(deadline), "request " + viewId + " never became " + status);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void clickShare(String userId) {
        slackRequests().buttonClick(userId, StoryCards.SHARE_ACTION, new StoryRef(world.storyId, world.boardId).toJson(),
                "C0STORIES", "1700000000.000100", slack.responseUrl("share-" + userId));
    }

    /** Presses Share and returns the form the loading modal was replaced with. */
    private JsonNode openShareForm(String userId) throws Exception {
        int before = slack.calls("views.update").size();
        clickShare(userId);
        slack.await("views.open");
        List<FakeSlack.Call> updates = slack.awaitCount("views.update", before + 1, WAIT);
        FakeSlack.Call update = updates.get(updates.size() - 1);
        JsonNode view = JSON.readTree(update.param("view"));
        assertEquals(StoryViews.SHARE_CALLBACK, view.path("callback_id").asText(), view.toString());
        return view;
    }

    private static JsonNode block(JsonNode view, String blockId) {
        for (JsonNode block : view.get("blocks")) {
            if (blockId.equals(block.path("block_id").asText())) {
                return block;
            }
        }
        throw new AssertionError("no block " + blockId + " in " + view);
    }

    private static List<String> values(JsonNode options) {
        List<String> values = new ArrayList<>();
        options.forEach(o -> values.add(o.get("value").asText()));
        return values;
    }

    private static String metadata(JsonNode view) {
        return view.get("private_metadata").asText();
    }

    /** The form's state as Slack would send it: texts as the app filled them in, plus the given choices. */
    private static Map<String, Object> values(JsonNode form, Map<String, String> profiles, String when, String date, String time) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(StoryViews.PROFILES_BLOCK, Map.of(StoryViews.PROFILES_ACTION, StoryRequestsClient.checked(profiles)));
        for (JsonNode block : form.get("blocks")) {
            String id = block.path("block_id").asText();
            if (id.startsWith(StoryViews.TEXT_BLOCK_PREFIX)) {
                values.put(id, Map.of(StoryViews.TEXT_ACTION, StoryRequestsClient.text(block.at("/element/initial_value").asText())));
            }
        }
        values.put(StoryViews.WHEN_BLOCK, Map.of(StoryViews.WHEN_ACTION, StoryRequestsClient.radio(when)));
        values.put(StoryViews.DATE_BLOCK, Map.of(StoryViews.DATE_ACTION, StoryRequestsClient.date(date)));
        values.put(StoryViews.TIME_BLOCK, Map.of(StoryViews.TIME_ACTION, StoryRequestsClient.time(time)));
        return values;
    }

    private static String newViewId() {
        return "V" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }
}
