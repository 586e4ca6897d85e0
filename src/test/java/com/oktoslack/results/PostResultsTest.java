package com.oktoslack.results;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oktoslack.jobs.Jobs;
import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.testing.AppTestBase;
import com.oktoslack.testing.FakeOktopost;
import com.oktoslack.testing.FakeOktopost.Readings.PostLogList;
import com.oktoslack.testing.FakeOktopost.Readings.PostSentEvent;
import com.oktoslack.testing.FakeSlack;
import com.oktoslack.testing.WebhookDeliveries;
import com.oktoslack.testing.WebhookDeliveries.Reading;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A post made from Slack goes out: {@code postSent} arrives signed, in every reading of Oktopost's sources (the
 * webhook's header, body and objects; whether the event is the post or its post log; how the post log lists), and
 * the maker hears where it went live, or why it failed, and later how it did; the approval card's thread too.
 */
@MicronautTest(transactional = false)
class PostResultsTest extends AppTestBase {

    static final String SECRET = "results-webhook-secret";
    static final String CARDS = "C0CARDS";
    static final String MAKER = "U0MAKER";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicInteger POSTS = new AtomicInteger();

    @Inject
    MadePosts made;
    @Inject
    Oktopost facade;
    @Inject
    Jobs jobs;

    String credentialId;
    String messageId;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("oktopost.webhook-secrets", SECRET,
                "slack.approvals-channel", CARDS,
                "okto.results.after", "1s",
                "oktopost.limits.per-minute", "1000", "oktopost.limits.per-five-seconds", "1000");
    }

    @BeforeEach
    void freshWorld() {
        oktopost.rateLimits(1000, 1000, Duration.ofSeconds(1));
        oktopost.clearData().clearRoutes().reset();
        oktopost.readings().strict();
        facade.forgetCachedLists();
        slack.reset();
        credentialId = oktopost.addCredential("LinkedIn", "Acme LinkedIn Page").get("Id").asText();
        messageId = oktopost.addMessage("LinkedIn", "Spring is here").get("Id").asText();
    }

    /** Each webhook reading, with the fake's readings of the event and the post log taken in turn. */
    private static List<Object[]> readings() {
        List<Object[]> all = new ArrayList<>();
        List<Reading> webhooks = Reading.all();
        for (int i = 0; i < webhooks.size(); i++) {
            all.add(new Object[]{webhooks.get(i), PostSentEvent.values()[i % 2], PostLogList.values()[(i / 2) % 2]});
        }
        return all;
    }

    private Stream<DynamicTest> each(String name, ReadingTest test) {
        return readings().stream().map(r -> DynamicTest.dynamicTest(name + " " + r[0] + "/" + r[1] + "/" + r[2], () -> {
            freshWorld();
            oktopost.readings().postSentEvent((PostSentEvent) r[1]).postLogList((PostLogList) r[2]);
            test.run(new WebhookDeliveries(server.getURI(), oktopost, SECRET, (Reading) r[0]));
        }));
    }

    @FunctionalInterface
    interface ReadingTest {
        void run(WebhookDeliveries deliveries) throws Exception;
    }

    @TestFactory
    Stream<DynamicTest> aPublishedPostDmsItsLiveLinkOnceAndItsResultsAfterTheDelay() {
        return each("live", deliveries -> {
            String postId = scheduledPost();
            String url = "https://www.linkedin.com/feed/update/urn:li:activity:" + postId;
            oktopost.publish(postId, url);
            oktopost.setStats(postId, 12, 3, 40, 2, 1234);

            assertEquals(200, deliveries.send("postSent", deliveries.postSentObject(postId)).statusCode());
            // Oktopost delivering the event again (a new payload id) tells nothing twice.
            assertEquals(200, deliveries.send("postSent", deliveries.postSentObject(postId)).statusCode());

            FakeSlack.Call live = slack.await("chat.postMessage", c -> MAKER.equals(c.param("channel"))
                    && c.param("text").contains("Live on"), WAIT);
            assertEquals(":white_check_mark: Live on LinkedIn (Acme LinkedIn Page): <" + url + "|" + url + ">",
                    live.param("text"));
            FakeSlack.Call results = slack.await("chat.postMessage", c -> MAKER.equals(c.param("channel"))
                    && c.param("text").contains("Results after"), WAIT);
            assertEquals(":bar_chart: Results after 1 second on LinkedIn (Acme LinkedIn Page) (<" + url
                    + "|the post>): 12 link clicks · 3 comments · 40 likes · 2 shares · 1,234 impressions", results.param("text"));
            until(() -> !jobs.waiting(StatsJob.KIND, postId));
            assertEquals(1, dms("Live on"), "the live link is told once");
            assertEquals(1, dms("Results after"), "the results are told once");
            assertEquals(1, oktopost.count("GET", "/post/" + postId), "one stats read");
            assertTrue(oktopost.last("GET", "/post/" + postId).has("stats"));
        });
    }

    @TestFactory
    Stream<DynamicTest> aFailedPostDmsOktopostsReasonEscaped() {
        return each("failed", deliveries -> {
            String postId = scheduledPost();
            oktopost.failToPublish(postId, "Token expired <b>& renew</b> it");

            assertEquals(200, deliveries.send("postSent", deliveries.postSentObject(postId)).statusCode());

            FakeSlack.Call failed = slack.await("chat.postMessage", c -> MAKER.equals(c.param("channel")), WAIT);
            assertEquals(":warning: Failed on LinkedIn (Acme LinkedIn Page): Token expired &lt;b&gt;&amp; renew&lt;/b&gt; it",
                    failed.param("text"));
            assertFalse(jobs.waiting(StatsJob.KIND, postId), "a failed post has no results to wait for");
        });
    }

    @TestFactory
    Stream<DynamicTest> aPostThatWentThroughApprovalIsToldInTheCardsThreadToo() {
        return each("card", deliveries -> {
            String postId = scheduledPost();
            String workflowId = oktopost.addWorkflow("Marketing", "Review").get("Id").asText();
            oktopost.addWorkflowItem(postId, workflowId);
            assertEquals(200, deliveries.send("newApprovalItem", deliveries.approvalObject("Post", postId, workflowId)).statusCode());
            slack.await("chat.postMessage", c -> CARDS.equals(c.param("channel")) && c.param("thread_ts") == null, WAIT);
            until(() -> slack.messages().values().stream().anyMatch(m -> CARDS.equals(m.channel()) && m.threadTs() == null));
            String cardTs = slack.messages().values().stream().filter(m -> CARDS.equals(m.channel()) && m.threadTs() == null)
                    .findFirst().orElseThrow().ts();
            oktopost.workflowItem(postId).orElseThrow().put("Status", "approved");
            String url = "https://www.linkedin.com/feed/update/urn:li:activity:" + postId;
            oktopost.publish(postId, url);

            assertEquals(200, deliveries.send("postSent", deliveries.postSentObject(postId)).statusCode());

            FakeSlack.Call inThread = slack.await("chat.postMessage", c -> CARDS.equals(c.param("channel"))
                    && cardTs.equals(c.param("thread_ts")) && c.param("text").contains("Live on"), WAIT);
            assertTrue(inThread.param("text").contains("Live on LinkedIn (Acme LinkedIn Page): <" + url), inThread.param("text"));
            slack.await("chat.postMessage", c -> MAKER.equals(c.param("channel")) && c.param("text").contains("Live on"), WAIT);
            slack.await("chat.postMessage", c -> CARDS.equals(c.param("channel")) && cardTs.equals(c.param("thread_ts"))
                    && c.param("text").contains("Results after"), WAIT);
        });
    }

    @TestFactory
    Stream<DynamicTest> aPostTheAppDidNotMakeCostsNoCall() {
        return each("foreign", deliveries -> {
            ObjectNode post = oktopost.addPost(messageId, credentialId, Instant.now().plusSeconds(60), "pending");
            String postId = post.get("Id").asText();
            oktopost.publish(postId, "https://www.linkedin.com/feed/update/x");
            String known = scheduledPost();
            oktopost.failToPublish(known, "Rejected by LinkedIn");
            oktopost.reset();

            deliveries.send("postSent", List.of(deliveries.postSentObject(postId), deliveries.postSentObject(known)));

            slack.await("chat.postMessage", c -> MAKER.equals(c.param("channel")), WAIT);
            assertEquals(0, oktopost.requests("GET", "/postlog").stream().filter(r -> postId.equals(r.param("postId"))).count(),
                    "no post log read for a post the app neither made nor carded");
            assertEquals(1, oktopost.count("GET", "/postlog"), "one read for the app's own post");
        });
    }

    /** The budget: what telling 100 posts' outcomes and results costs in Oktopost calls, printed. */
    @org.junit.jupiter.api.Test
    void callsPerHundredPosts() throws Exception {
        WebhookDeliveries deliveries = new WebhookDeliveries(server.getURI(), oktopost, SECRET, Reading.SDK);
        List<String> postIds = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            // A maker each: Slack takes one message a second per conversation, which is not what this measures.
            String postId = scheduledPost(String.format("U0M%03d", i));
            oktopost.publish(postId, "https://www.linkedin.com/feed/update/urn:li:activity:" + postId);
            oktopost.setStats(postId, i, 1, 2, 0, 100);
            postIds.add(postId);
        }
        oktopost.reset();
        for (int from = 0; from < 100; from += 10) {
            deliveries.send("postSent", postIds.subList(from, from + 10).stream().map(deliveries::postSentObject).toList());
        }
        until(Duration.ofMinutes(3), () -> toMakers("Live on") == 100 && toMakers("Results after") == 100,
                () -> toMakers("Live on") + " live links and " + toMakers("Results after") + " results told");

        List<FakeOktopost.RecordedRequest> calls = oktopost.requests();
        long postLogs = oktopost.count("GET", "/postlog");
        long stats = calls.stream().filter(r -> r.path().startsWith("/post/") && r.has("stats")).count();
        long credentials = oktopost.count("GET", "/credential");
        System.out.printf("Oktopost calls per 100 posts (live link, then results): %d in all: GET /postlog %d, "
                + "GET /post/{id}?stats=1 %d, GET /credential %d%n", calls.size(), postLogs, stats, credentials);
        assertEquals(100, postLogs, "one post log read per post");
        assertEquals(100, stats, "one stats read per post; the reference has no batched stats read");
        assertTrue(calls.size() <= 202, "Oktopost calls: " + calls.size());
    }

    /** A post scheduled from Slack by {@link #MAKER}, as the scheduling feature records it. */
    private String scheduledPost() {
        return scheduledPost(MAKER);
    }

    private String scheduledPost(String maker) {
        ObjectNode post = oktopost.addPost(messageId, credentialId, Instant.now().plusSeconds(60 + POSTS.incrementAndGet()), "pending");
        String postId = post.get("Id").asText();
        made.scheduled(maker, List.of(postId));
        return postId;
    }

    private long dms(String containing) {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> MAKER.equals(c.param("channel")) && c.param("text").contains(containing)).count();
    }

    private long toMakers(String containing) {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> c.param("channel").startsWith("U0M") && c.param("text").contains(containing)).count();
    }

    static void until(BooleanSupplier condition) throws InterruptedException {
        until(WAIT, condition, () -> "");
    }

    static void until(Duration wait, BooleanSupplier condition, java.util.function.Supplier<String> state)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(wait);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("condition not met in " + wait + " " + state.get());
            }
            Thread.sleep(20);
        }
    }
}
