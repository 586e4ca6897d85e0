package com.oktoslack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oktoslack.testing.FakeOktopost.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fake's own contract, spoken to with a plain HTTP client. */
class FakeOktopostTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeOktopost fake = FakeOktopost.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void refusesWrongCredentialsWithAnErrorsEnvelope() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/me"))
                .header("Authorization", basic("test-account", "wrong")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode());
        JsonNode body = JSON.readTree(response.body());
        assertFalse(body.get("Result").asBoolean());
        assertEquals("Invalid API credentials", body.at("/Errors/API/Error").asText());
        assertEquals(1, fake.count("GET", "/me"), "refused requests are recorded too");

        fake.expectCredentials("acc", "key");
        assertEquals(200, get("/me", basic("acc", "key")).statusCode());
    }

    @Test
    void servesOnlyUnderV2() throws Exception {
        String root = fake.baseUrl().replace("/v2", "");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(root + "/me"))
                .header("Authorization", basic(FakeOktopost.ACCOUNT_ID, FakeOktopost.API_KEY)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, response.statusCode());
        assertEquals("The page you are looking for was not found",
                JSON.readTree(response.body()).at("/Errors/API/Error").asText());
    }

    @Test
    void decodesPlusAndPercentTwentyInFormsAndQueries() throws Exception {
        post("/message", "network=Twitter&campaignId=c1&message=a+b%20c+%26+d%3De%25");
        assertEquals("a b c & d=e%", fake.last("POST", "/message").form().get("message"));

        get("/advocate?email=saul%40goodman.com&name=a+b", auth());
        FakeOktopost.RecordedRequest request = fake.last("GET", "/advocate");
        assertEquals("saul@goodman.com", request.query().get("email"));
        assertEquals("a b", request.param("name"));
    }

    @Test
    void refusesMoreThanHundredMessageIds() throws Exception {
        StringBuilder ids = new StringBuilder("005000000000001");
        for (int i = 2; i <= 101; i++) {
            ids.append(",00500000000").append(String.format("%04d", i));
        }
        HttpResponse<String> response = get("/message?ids=" + ids, auth());
        assertEquals(400, response.statusCode());
        assertEquals("At most 100 ids are allowed", JSON.readTree(response.body()).at("/Errors/ids/Invalid").asText());
    }

    @Test
    void countsByPathPrefixAtSegmentBoundaries() throws Exception {
        get("/workflow", auth());
        get("/workflow-item", auth());
        get("/workflow-item?page=1", auth());
        assertEquals(1, fake.count("GET", "/workflow"));
        assertEquals(2, fake.count("GET", "/workflow-item"));
        assertEquals(2, fake.count("*", "/v2/workflow-item"));
        assertEquals(3, fake.requests().size());
        fake.reset();
        assertEquals(0, fake.requests().size());
    }

    @Test
    void customRoutesComeFirstAndNullFallsThrough() throws Exception {
        fake.on("GET", "/me", r -> r.query().containsKey("custom")
                ? Reply.ok(JSON.createObjectNode().put("Result", true).put("Custom", true)) : null);
        assertTrue(JSON.readTree(get("/me?custom=1", auth()).body()).get("Custom").asBoolean());
        assertEquals("Api User", JSON.readTree(get("/me", auth()).body()).at("/User/Name").asText());

        fake.on("GET", "/post/[^/]+", r -> Reply.error(410, "Gone " + r.pathSegment(1)));
        HttpResponse<String> gone = get("/post/004000000000001", auth());
        assertEquals(410, gone.statusCode());
        assertEquals("Gone 004000000000001", JSON.readTree(gone.body()).at("/Errors/API/Error").asText());
    }

    @Test
    void injectedFaultsApplyToTheNextMatchingRequestsOnly() throws Exception {
        fake.failNext("GET", "/user", 503, 2);
        fake.rateLimitNext(java.time.Duration.ofSeconds(30));
        HttpResponse<String> limited = get("/me", auth());
        assertEquals(429, limited.statusCode());
        assertEquals("30", limited.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(503, get("/user", auth()).statusCode());
        assertEquals(200, get("/me", auth()).statusCode());
        assertEquals(503, get("/user", auth()).statusCode());
        assertEquals(200, get("/user", auth()).statusCode());

        fake.failNext(200, 1);
        JsonNode body = JSON.readTree(get("/me", auth()).body());
        assertFalse(body.get("Result").asBoolean(), "status 200 gives Result:false");
    }

    @Test
    void workflowItemsPageWithPageAndCountUpToThousand() throws Exception {
        String workflowId = fake.addWorkflow("W", "S1").get("Id").asText();
        for (int i = 0; i < 3; i++) {
            fake.addWorkflowItem(fake.addMessage("Twitter", "m" + i).get("Id").asText(), workflowId);
        }
        JsonNode page = JSON.readTree(get("/workflow-item?page=1&count=2&withAuthors=1&withSteps=1", auth()).body());
        assertEquals(3, page.get("Total").asInt());
        assertEquals(1, page.get("Items").size());
        assertTrue(page.get("Authors").has(fake.me().get("Id").asText()));
        assertTrue(page.get("Steps").has(fake.stepId(workflowId, 0)));
        assertEquals(400, get("/workflow-item?count=1001", auth()).statusCode());
    }

    @Test
    void storiesUseIdInCapitalsAndComeWrappedInItem() throws Exception {
        String boardId = fake.addBoard("B").get("Id").asText();
        String storyId = fake.addStory(boardId, "Title").get("ID").asText();
        JsonNode body = JSON.readTree(get("/story/" + storyId, auth()).body());
        assertEquals(storyId, body.at("/Item/ID").asText());
    }

    @Test
    void everyListPagesAtTwentyFiveByDefaultIdsIncludedAndTakesOnlyTheDocumentedCounts() throws Exception {
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            ids.append(i == 0 ? "" : ",").append(fake.addMessage("Twitter", "m" + i).get("Id").asText());
        }
        JsonNode first = JSON.readTree(get("/message?ids=" + ids, auth()).body());
        assertEquals(25, first.get("Items").size());
        assertEquals(100, first.get("Total").asInt());
        assertEquals(100, JSON.readTree(get("/message?_count=100&ids=" + ids, auth()).body()).get("Items").size());
        assertEquals("m50", JSON.readTree(get("/message?_count=50&_page=1&ids=" + ids, auth()).body()).at("/Items/0/Message")
                .asText());
        assertEquals(400, get("/message?_count=40&ids=" + ids, auth()).statusCode());
        assertEquals(400, get("/story?_count=10", auth()).statusCode());
        assertEquals(400, get("/workflow-item?count=0", auth()).statusCode());
    }

    @Test
    void workflowItemsCarryOnlyTheDocumentedFieldsUnlessSwitched() throws Exception {
        String workflowId = fake.addWorkflow("W", "S1").get("Id").asText();
        String messageId = fake.addMessage("Twitter", "m").get("Id").asText();
        String postId = fake.addPost(messageId, fake.addCredential("Twitter", "X").get("Id").asText(),
                java.time.Instant.now().plusSeconds(3600), "pending").get("Id").asText();
        fake.addWorkflowItem(postId, workflowId);

        JsonNode strict = JSON.readTree(get("/workflow-item", auth()).body()).at("/Items/0");
        assertEquals(java.util.Set.of("Id", "CreatedBy", "Status", "StepId", "WorkflowId", "MessageId"), fields(strict));
        assertEquals(postId, strict.get("MessageId").asText(), "the entity's id, whatever it is");

        fake.readings().documentedItemFieldsOnly(false);
        JsonNode lenient = JSON.readTree(get("/workflow-item", auth()).body()).at("/Items/0");
        assertEquals(postId, lenient.get("PostId").asText());
        assertTrue(lenient.has("Created"));
    }

    @Test
    void decidedItemsMayLeaveTheList() throws Exception {
        String workflowId = fake.addWorkflow("W", "S1").get("Id").asText();
        fake.addWorkflowItem(fake.addMessage("Twitter", "m").get("Id").asText(), workflowId).put("Status", "rejected");
        assertEquals(1, JSON.readTree(get("/workflow-item", auth()).body()).get("Total").asInt());
        fake.readings().decidedItemsLeaveList(true);
        assertEquals(0, JSON.readTree(get("/workflow-item", auth()).body()).get("Total").asInt());
    }

    @Test
    void numbersAndBooleansMayComeAsStrings() throws Exception {
        String workflowId = fake.addWorkflow("W", "S1").get("Id").asText();
        fake.readings().scalarsAsStrings(true);
        JsonNode body = JSON.readTree(get("/workflow-step?workflowId=" + workflowId, auth()).body());
        assertTrue(body.get("Result").isBoolean(), "Result stays a boolean");
        assertEquals("0", body.at("/Items/0/MustBeApprovedByEveryone").asText());
        assertTrue(body.at("/Items/0/MustBeApprovedByEveryone").isTextual());
        assertTrue(JSON.readTree(get("/message?campaignId=x", auth()).body()).get("Total").isTextual());
    }

    @Test
    void aStoryIsAnsweredBareAndSeveralProfilesGetOnePost() throws Exception {
        String boardId = fake.addBoard("B").get("Id").asText();
        String campaignId = fake.addCampaign("C").get("Id").asText();
        JsonNode story = JSON.readTree(post("/story", "boardId=" + boardId + "&title=T&description=D&campaignId=" + campaignId).body());
        assertEquals(fields(JSON.readTree("{\"Result\":true}")), fields(story));
        assertEquals(1, fake.stories().size());

        String messageId = fake.addMessage("Twitter", "m").get("Id").asText();
        String a = fake.addCredential("Twitter", "A").get("Id").asText();
        String b = fake.addCredential("Twitter", "B").get("Id").asText();
        JsonNode one = JSON.readTree(post("/post", "messageId=" + messageId + "&credentialIds=" + a + "," + b).body());
        assertEquals(a + "," + b, one.at("/Post/Credentials").asText());
        fake.readings().postAnswer(FakeOktopost.Readings.PostAnswer.ONE_POST_PER_PROFILE);
        JsonNode each = JSON.readTree(post("/post", "messageId=" + messageId + "&credentialIds=" + a + "," + b).body());
        assertEquals(2, each.get("Items").size());
        assertEquals(3, fake.posts().size());
    }

    @Test
    void aHiddenResourceIsNotFoundAndNotListed() throws Exception {
        String campaignId = fake.addCampaign("C").get("Id").asText();
        String shown = fake.addMessage(campaignId, "Twitter", "shown").get("Id").asText();
        String hidden = fake.addMessage(campaignId, "Twitter", "hidden").get("Id").asText();
        fake.hide(hidden);
        assertEquals(404, get("/message/" + hidden, auth()).statusCode());
        JsonNode list = JSON.readTree(get("/message?ids=" + shown + "," + hidden, auth()).body());
        assertEquals(1, list.get("Total").asInt());
        assertEquals(shown, list.at("/Items/0/Id").asText());
    }

    @Test
    void callsOverTheLimitsAnswer429AndBlockEveryCallForTheBlockTime() throws Exception {
        fake.rateLimits(5, 3, java.time.Duration.ofMillis(300));
        for (int i = 0; i < 3; i++) {
            assertEquals(200, get("/me", auth()).statusCode());
        }
        assertEquals(429, get("/me", auth()).statusCode(), "a fourth call within 5 s");
        assertEquals(429, get("/workflow", auth()).statusCode(), "blocked");
        assertEquals(1, fake.rateLimitBreaches());
        long deadline = System.nanoTime() + 5_000_000_000L;
        int status;
        do {
            status = get("/me", auth()).statusCode();
        } while (status == 429 && System.nanoTime() < deadline);
        assertEquals(200, status, "the block passes");
        assertEquals(5, fake.busiestFiveSeconds(), "answered calls and the breach count, blocked ones do not");
        assertTrue(fake.busiestMinute() >= 4);
    }

    private static java.util.Set<String> fields(JsonNode node) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + path)).header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + path))
                .header("Authorization", auth())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String auth() {
        return basic(FakeOktopost.ACCOUNT_ID, FakeOktopost.API_KEY);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
