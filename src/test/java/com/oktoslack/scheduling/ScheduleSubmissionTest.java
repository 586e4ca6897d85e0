package com.oktoslack.scheduling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.testing.AppTestBase;
import com.oktoslack.testing.FakeOktopost;
import com.oktoslack.testing.FakeSlack;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static com.oktoslack.scheduling.ScheduleViews.*;
import static com.oktoslack.scheduling.ScheduleWorld.MIA;
import static com.oktoslack.scheduling.ScheduleWorld.MIA_ZONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Submitting the modal: field errors while Slack waits, then messages, posts and approval after the ack. Oktopost
 * makes one post for several profiles, as the reference says; the tests that count posts also run against one
 * post per profile.
 */
@MicronautTest(transactional = false)
class ScheduleSubmissionTest extends AppTestBase {

    /** How Oktopost answers {@code POST /post} with several profiles in the current test. */
    private FakeOktopost.Readings.PostAnswer postAnswer = FakeOktopost.Readings.PostAnswer.ONE_POST_FOR_ALL;

    /** Posts Oktopost makes for the two LinkedIn profiles of {@link #complete()}. */
    private int linkedInPosts() {
        return postAnswer == FakeOktopost.Readings.PostAnswer.ONE_POST_PER_PROFILE ? 2 : 1;
    }

    /** A view id of its own for each reading, as a view is scheduled once. */
    private String view(String id) {
        return id + (postAnswer == FakeOktopost.Readings.PostAnswer.ONE_POST_PER_PROFILE ? "-EACH" : "");
    }

    private void onePostPerProfile() {
        postAnswer = FakeOktopost.Readings.PostAnswer.ONE_POST_PER_PROFILE;
        freshWorld();
    }

    @Test
    void onePostPerProfileIsScheduledAndReportedAlike() {
        onePostPerProfile();
        aSubmissionCreatesAMessagePerNetworkThenThePostsAtTheUnixTimeThenSendsThemForApproval();
    }

    @Test
    void onePostPerProfileIsRemovedAlikeWhenAPartFails() {
        onePostPerProfile();
        aFailurePartWayRemovesWhatWasCreatedAndSaysSo();
    }

    @Test
    void onePostPerProfileIsReportedAlikeWhenCleanupFails() {
        onePostPerProfile();
        whenCleanupFailsTheReplySaysExactlyWhatRemains();
    }

    /** Wednesday 16 January 2030, 09:30 in New York (14:30 UTC). */
    static final long TOMORROW_0930_NEW_YORK = 1_894_804_200L;

    private ScheduleWorld world;

    @Inject
    ScheduleRequestRepository requests;

    @Inject
    Oktopost oktopostFacade;

    @Inject
    com.oktoslack.results.MadePosts madePosts;

    @MockBean(Clock.class)
    Clock clock() {
        return ScheduleWorld.clock();
    }

    /**
     * Its tests together make more Oktopost calls in a minute than the account allows; pacing is not what they
     * are about (OktopostRateLimitTest is), so the app's limits and the fake's are raised alike.
     */
    @Override
    protected Map<String, String> extraProperties() {
        // One attempt: these tests look at what a failure leaves; ScheduleRetryTest looks at the tries again.
        return Map.of("oktopost.limits.per-minute", "1000", "oktopost.limits.per-five-seconds", "1000",
                "okto.scheduling.attempts", "1");
    }

    @BeforeEach
    void onePostForAllProfiles() {
        oktopost.rateLimits(1000, 1000, Duration.ofSeconds(1));
        postAnswer = FakeOktopost.Readings.PostAnswer.ONE_POST_FOR_ALL;
        freshWorld();
    }

    /** Each test starts from a fresh account, so what it leaves behind is all it did. */
    private void freshWorld() {
        slack.reset();
        oktopost.reset().clearRoutes().clearData();
        oktopost.readings().strict().postAnswer(postAnswer);
        world = new ScheduleWorld(oktopost, slack);
        oktopostFacade.forgetCachedLists();
    }

    private ScheduleForms forms() {
        return new ScheduleForms(slackRequests());
    }

    private ScheduleForms.Values complete() {
        return new ScheduleForms.Values().text("Spring is here.")
                .networks("LinkedIn", "Twitter")
                .profile("LinkedIn", world.acmePage, "Acme page")
                .profile("LinkedIn", world.miaProfile, "Mia Marketer")
                .profile("Twitter", world.acmeX, "Acme on X")
                .campaign(world.springCampaign, "Spring launch")
                .at("2030-01-16", "09:30", MIA_ZONE);
    }

    private HttpResponse<String> submit(String viewId, ScheduleForms.Values values) {
        return forms().submit(MIA, viewId, ScheduleForms.metadata(MIA_ZONE, slack.responseUrl(viewId)), values);
    }

    private String outcome(String viewId) {
        FakeSlack.Call reply = slack.await("response_url", c -> viewId.equals(c.param("response_id")), Duration.ofSeconds(15));
        assertEquals("ephemeral", reply.param("response_type"));
        return reply.param("text");
    }

    // ---- accepted

    @Test
    void aSubmissionCreatesAMessagePerNetworkThenThePostsAtTheUnixTimeThenSendsThemForApproval() {
        HttpResponse<String> response = submit(view("V0OK"), complete().link("https://acme.example/spring")
                .workflow(world.workflowId, "Marketing review"));

        assertEquals(200, response.statusCode());
        assertFalse(response.body().contains("errors"), response.body());
        String text = outcome(view("V0OK"));

        List<FakeOktopost.RecordedRequest> messages = oktopost.requests("POST", "/message");
        assertEquals(List.of("LinkedIn", "Twitter"), messages.stream().map(m -> m.param("network")).toList());
        for (FakeOktopost.RecordedRequest message : messages) {
            assertEquals(world.springCampaign, message.param("campaignId"));
            assertEquals("Spring is here.\n\nhttps://acme.example/spring", message.param("message"));
        }
        List<FakeOktopost.RecordedRequest> posts = oktopost.requests("POST", "/post");
        assertEquals(List.of(world.acmePage + "," + world.miaProfile, world.acmeX),
                posts.stream().map(p -> p.param("credentialIds")).toList());
        for (FakeOktopost.RecordedRequest post : posts) {
            assertEquals(Long.toString(TOMORROW_0930_NEW_YORK), post.param("startDateTime"));
            assertEquals("pending", post.param("status"));
        }
        List<String> order = new java.util.ArrayList<>(List.of("/message", "/post", "/message", "/post"));
        for (int i = 0; i < linkedInPosts() + 1; i++) {
            order.add("/workflow-item");
        }
        assertEquals(order, oktopost.requests("POST", "/").stream().map(FakeOktopost.RecordedRequest::path).toList(),
                "each network's message before its posts, approval last");

        List<ObjectNode> created = oktopost.posts();
        assertEquals(linkedInPosts() + 1, created.size());
        created.forEach(p -> assertEquals("2030-01-16 14:30:00", p.path("StartDateTime").asText()));
        Set<String> createdIds = created.stream().map(p -> p.path("Id").asText()).collect(Collectors.toSet());
        List<FakeOktopost.RecordedRequest> approvals = oktopost.requests("POST", "/workflow-item");
        assertEquals(createdIds, approvals.stream().map(a -> a.param("entityId")).collect(Collectors.toSet()));
        approvals.forEach(a -> assertEquals(world.workflowId, a.param("workflowId")));

        assertTrue(text.contains("Scheduled 3 posts for <!date^" + TOMORROW_0930_NEW_YORK + "^"), text);
        assertTrue(text.contains("Spring launch") && text.contains("Marketing review"), text);
        assertTrue(text.contains("LinkedIn: Acme page, Mia Marketer") && text.contains("X (Twitter): Acme on X"), text);
        assertEquals(ScheduleRequest.DONE, requests.findById(view("V0OK")).orElseThrow().status());
        createdIds.forEach(id -> assertEquals(java.util.Optional.of(MIA), madePosts.maker(id), "remembered for its outcome"));
    }

    @Test
    void draftsAreSavedAsDraftsWithoutApproval() {
        submit("V0DRAFT", new ScheduleForms.Values().text("Maybe later").networks("LinkedIn")
                .profile("LinkedIn", world.miaProfile, "Mia Marketer").campaign(world.summerCampaign, "Summer webinar")
                .at("2030-02-01", "12:00", MIA_ZONE).draft());

        String text = outcome("V0DRAFT");
        FakeOktopost.RecordedRequest post = oktopost.last("POST", "/post");
        assertEquals("draft", post.param("status"));
        assertEquals(world.miaProfile, post.param("credentialIds"));
        assertEquals(0, oktopost.count("POST", "/workflow-item"));
        assertTrue(text.contains("Saved 1 draft post"), text);
    }

    @Test
    void aSecondSubmitOfTheSameModalCreatesNothingMore() throws Exception {
        ScheduleForms.Values values = new ScheduleForms.Values().text("Only once").networks("Twitter")
                .profile("Twitter", world.acmeX, "Acme on X").campaign(world.springCampaign, "Spring launch")
                .at("2030-01-16", "09:30", MIA_ZONE);

        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> submit("V0TWICE", values));
        CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(() -> submit("V0TWICE", values));
        assertEquals(200, first.get().statusCode());
        assertEquals(200, second.get().statusCode());
        outcome("V0TWICE");

        assertEquals(1, oktopost.count("POST", "/message"));
        assertEquals(1, oktopost.count("POST", "/post"));
        assertEquals(1, slack.calls("response_url").size());
    }

    // ---- refused, next to the field, creating nothing

    @Test
    void anEmptyFormShowsEachProblemNextToItsField() {
        JsonNode errors = errors(submit("V0EMPTY", new ScheduleForms.Values()));

        assertEquals(Set.of(TEXT_BLOCK, NETWORKS_BLOCK, PROFILES_BLOCK, CAMPAIGN_BLOCK, DATE_BLOCK, TIME_BLOCK), fields(errors));
        assertEquals("Write the text of the post.", errors.path(TEXT_BLOCK).asText());
        assertEquals("Pick at least one profile.", errors.path(PROFILES_BLOCK).asText());
        assertNothingCreated("V0EMPTY");
    }

    @Test
    void aTimeThatHasPassedInThePersonsZoneIsRefused() {
        // 10:00 in New York has passed (it is 10:20 there).
        JsonNode past = errors(submit("V0PAST", complete().at("2030-01-15", "10:00", MIA_ZONE)));
        assertEquals(Set.of(TIME_BLOCK), fields(past));
        assertEquals("That time has passed (it is 10:20 in America/New_York); pick a later time.", past.path(TIME_BLOCK).asText());

        JsonNode yesterday = errors(submit("V0YESTERDAY", complete().at("2030-01-14", "18:00", MIA_ZONE)));
        assertEquals(Set.of(DATE_BLOCK), fields(yesterday));

        // 15:00 in New York is still to come, though 15:00 UTC has passed: only the missing campaign is wrong.
        JsonNode later = errors(submit("V0LATER", complete().at("2030-01-15", "15:00", MIA_ZONE)
                .noCampaign()));
        assertEquals(Set.of(CAMPAIGN_BLOCK), fields(later));
        assertNothingCreated("V0PAST", "V0YESTERDAY", "V0LATER");
    }

    @Test
    void textOverANetworksLimitIsRefusedForThatNetworkOnly() {
        String text = "a".repeat(270);
        JsonNode tooLong = errors(submit("V0LONG", complete().text(text).link("https://acme.example/a-rather-long-address/that-x-counts-as-23")));
        assertEquals(Set.of(TEXT_BLOCK), fields(tooLong));
        assertEquals("Too long for X (Twitter): 295 characters with the link, the limit is 280.", tooLong.path(TEXT_BLOCK).asText());

        JsonNode linkedInOnly = errors(submit("V0LONGLI", new ScheduleForms.Values().text(text).networks("LinkedIn")
                .profile("LinkedIn", world.acmePage, "Acme page").at("2030-01-16", "09:30", MIA_ZONE)));
        assertEquals(Set.of(CAMPAIGN_BLOCK), fields(linkedInOnly), "LinkedIn allows 3,000 characters");
        assertNothingCreated("V0LONG", "V0LONGLI");
    }

    @Test
    void profilesMustMatchTheNetworks() {
        ScheduleForms.Values noTwitterProfile = new ScheduleForms.Values().text("Hello").networks("LinkedIn", "Twitter")
                .profile("LinkedIn", world.acmePage, "Acme page").campaign(world.springCampaign, "Spring launch")
                .at("2030-01-16", "09:30", MIA_ZONE);
        JsonNode errors = errors(submit("V0NOPROFILE", noTwitterProfile));
        assertEquals(Set.of(PROFILES_BLOCK), fields(errors));
        assertEquals("Pick a profile for X (Twitter), or remove it from the networks.", errors.path(PROFILES_BLOCK).asText());

        ScheduleForms.Values strayProfile = new ScheduleForms.Values().text("Hello").networks("LinkedIn")
                .profile("LinkedIn", world.acmePage, "Acme page").profile("Twitter", world.acmeX, "Acme on X")
                .campaign(world.springCampaign, "Spring launch").at("2030-01-16", "09:30", MIA_ZONE);
        JsonNode stray = errors(submit("V0STRAY", strayProfile));
        assertEquals(Set.of(PROFILES_BLOCK), fields(stray));
        assertEquals("Acme on X is a X (Twitter) profile: add that network or remove the profile.", stray.path(PROFILES_BLOCK).asText());
        assertNothingCreated("V0NOPROFILE", "V0STRAY");
    }

    @Test
    void aDraftCannotGoToApprovalAndALinkMustBeAWebAddress() {
        JsonNode errors = errors(submit("V0MIXED", complete().draft().workflow(world.workflowId, "Marketing review")
                .link("acme dot example")));

        assertEquals(Set.of(WORKFLOW_BLOCK, LINK_BLOCK), fields(errors));
        assertNothingCreated("V0MIXED");
    }

    // ---- failures after the ack

    @Test
    void aFailurePartWayRemovesWhatWasCreatedAndSaysSo() {
        oktopost.on("POST", "/post", r -> r.param("credentialIds").contains(world.acmeX)
                ? FakeOktopost.Reply.fieldError("credentialIds", "Acme on X must be reconnected") : null);

        submit(view("V0HALF"), complete());

        String text = outcome(view("V0HALF"));
        assertTrue(text.contains("was *not* scheduled") && text.contains("scheduling the X (Twitter) posts"), text);
        assertTrue(text.contains("Acme on X must be reconnected"), text);
        String posts = linkedInPosts() == 1 ? "1 post" : linkedInPosts() + " posts";
        assertTrue(text.contains("I removed what had been created (2 messages, " + posts + ")"), text);
        assertEquals(linkedInPosts(), oktopost.count("DELETE", "/post"));
        assertEquals(2, oktopost.count("DELETE", "/message"));
        assertTrue(oktopost.posts().isEmpty(), "no post is left");
        assertTrue(oktopost.messages().isEmpty(), "no message is left");
        assertEquals(ScheduleRequest.UNDONE, requests.findById(view("V0HALF")).orElseThrow().status());
    }

    @Test
    void postsOktopostMadeWhileItsAnswerFailedAreFoundAndRemoved() {
        oktopost.on("POST", "/post", r -> {
            for (String id : r.param("credentialIds").split(",")) {
                oktopost.addPost(r.param("messageId"), id, Instant.ofEpochSecond(Long.parseLong(r.param("startDateTime"))), "pending");
            }
            return FakeOktopost.Reply.error(502, "Bad gateway");
        });

        submit("V0LOST", new ScheduleForms.Values().text("Lost answer").networks("LinkedIn")
                .profile("LinkedIn", world.acmePage, "Acme page").campaign(world.springCampaign, "Spring launch")
                .at("2030-01-16", "09:30", MIA_ZONE));

        String text = outcome("V0LOST");
        assertTrue(oktopost.posts().isEmpty(), "the post made despite the error is removed");
        assertTrue(oktopost.messages().isEmpty());
        assertTrue(text.contains("(1 message, 1 post)"), text);
    }

    @Test
    void whenCleanupFailsTheReplySaysExactlyWhatRemains() {
        AtomicInteger approvals = new AtomicInteger();
        oktopost.on("POST", "/workflow-item", r -> approvals.incrementAndGet() == 2
                ? FakeOktopost.Reply.fieldError("workflowId", "The workflow is paused") : null);
        oktopost.on("DELETE", "/message/.+", r -> oktopost.message(r.pathSegment(1)).map(m -> m.path("Network").asText())
                .filter("LinkedIn"::equals).map(n -> FakeOktopost.Reply.error(403, "Messages in use cannot be deleted")).orElse(null));

        submit(view("V0STUCK"), complete().workflow(world.workflowId, "Marketing review"));

        String text = outcome(view("V0STUCK"));
        String linkedInMessage = oktopost.messages().get(0).path("Id").asText();
        assertEquals(1, oktopost.messages().size());
        assertEquals("LinkedIn", oktopost.messages().get(0).path("Network").asText());
        assertTrue(oktopost.posts().isEmpty(), "every post is removed");
        assertEquals(1, oktopost.count("DELETE", "/workflow-item"), "the post already in approval is taken out first");
        assertTrue(text.contains("sending the posts for approval in Marketing review"), text);
        assertTrue(text.contains("The workflow is paused"), text);
        assertTrue(text.contains("I removed 1 message and " + (linkedInPosts() + 1) + " posts, but these are still in Oktopost "
                + "and need deleting there:"), text);
        assertTrue(text.contains("• LinkedIn message `" + linkedInMessage + "` in campaign Spring launch"), text);
        assertEquals(ScheduleRequest.FAILED, requests.findById(view("V0STUCK")).orElseThrow().status());
    }

    private JsonNode errors(HttpResponse<String> response) {
        assertEquals(200, response.statusCode());
        JsonNode body = ScheduleForms.json(response.body());
        assertEquals("errors", body.path("response_action").asText(), response.body());
        return body.path("errors");
    }

    private static Set<String> fields(JsonNode errors) {
        Set<String> names = new java.util.TreeSet<>();
        errors.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private void assertNothingCreated(String... viewIds) {
        assertEquals(0, oktopost.requests("POST", "/").size(), "nothing is created in Oktopost");
        for (String viewId : viewIds) {
            assertTrue(requests.findById(viewId).isEmpty(), "nothing is stored for " + viewId);
        }
        assertTrue(slack.calls("response_url").isEmpty());
    }
}
