package com.oktoslack.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oktoslack.jobs.Jobs;
import com.oktoslack.testing.FakeOktopost;
import com.oktoslack.testing.FakeSlack;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class DecisionTest extends ApprovalsTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ApprovalCardRepository cards;
    @Inject
    Jobs jobs;

    @Test
    void approveIsOneOktopostCallWithTheStepAndANoteNamingTheUserAndEveryCardMovesOn() {
        String id = world.messageItem("Approve me");
        FakeSlack.Message card = newCard(id);

        HttpResponse<String> ack = client.press(ApprovalWorld.ANN, card, ApprovalCards.APPROVE_ACTION);

        assertEquals(200, ack.statusCode());
        FakeSlack.Message updated = Cards.awaitCard(slack, ApprovalWorld.CHANNEL, id,
                m -> Cards.text(m).contains("Waiting at *Step 2 of 3: Manager Confirmation* for Bob Boss"));
        FakeOktopost.RecordedRequest decision = oktopost.last("POST", "/workflow-item/" + id);
        assertEquals(1, oktopost.count("POST", "/workflow-item"));
        assertEquals("1", decision.param("isApprove"));
        assertEquals(world.review, decision.param("stepId"));
        assertEquals("Approved in Slack by Ann Approver (Slack user U0ANN)", decision.param("note"));
        assertTrue(Cards.text(updated).contains(":white_check_mark: Step 1 of 3: Review approved by <@U0ANN> · <!date^"),
                Cards.text(updated));
        assertEquals(new CardRef(id, 1, world.manager),
                CardRef.parse(ApprovalClient.buttonValue(updated, ApprovalCards.APPROVE_ACTION)).orElseThrow());
        for (String dm : List.of(Cards.dm(ApprovalWorld.ANN), Cards.dm(ApprovalWorld.BOB))) {
            Cards.awaitCard(slack, dm, id, m -> Cards.text(m).contains("approved by <@U0ANN>"));
        }
        Cards.until("a new DM to Bob for step 2", () -> Cards.posts(slack, ApprovalWorld.BOB, id) == 2);
        awaitQuiet();
        assertEquals(1, Cards.posts(slack, ApprovalWorld.ANN, id), "Ann approves no later step");
        assertEquals(world.manager, oktopost.workflowItem(id).orElseThrow().path("StepId").asText());
    }

    @Test
    void whileAnotherReplicaUpdatesAnItemsCardsTheyAreLeftToItAndBroughtUpToDateOnceItLetsGo() {
        String id = world.messageItem("Held elsewhere");
        FakeSlack.Message card = newCard(id);
        Instant now = Instant.now();
        assertEquals(1, cards.holdSync(id, "another-replica", now.plus(Duration.ofMinutes(2)), now));

        client.press(ApprovalWorld.ANN, card, ApprovalCards.APPROVE_ACTION);
        Cards.until("the decision made, its card update left until the hold ends",
                () -> oktopost.count("POST", "/workflow-item") == 1 && jobs.waiting(HeldCardSync.KIND, id));
        assertTrue(slack.calls("chat.update").stream().noneMatch(c -> card.ts().equals(c.param("ts"))),
                "no update of the card while another holds it");

        cards.releaseSync(id, "another-replica");
        Cards.awaitCard(slack, ApprovalWorld.CHANNEL, id, m -> Cards.text(m).contains("approved by <@U0ANN>"));
        awaitQuiet();
    }

    @Test
    void theFinalApprovalRemovesTheButtonsAndTellsTheLinkedAuthorInTheThread() {
        String id = world.messageItem("Last step");
        oktopost.workflowItem(id).orElseThrow().put("StepId", world.legal);
        FakeSlack.Message card = newCard(id, ApprovalWorld.CAT);

        client.press(ApprovalWorld.CAT, card, ApprovalCards.APPROVE_ACTION);

        FakeSlack.Message done = Cards.awaitCard(slack, ApprovalWorld.CHANNEL, id,
                m -> Cards.header(m).startsWith(":white_check_mark: Approved"));
        assertEquals(List.of(ApprovalCards.OPEN_ACTION), Cards.actionIds(done));
        assertTrue(Cards.text(done).contains("Step 3 of 3: Legal approved by <@U0CAT>"), Cards.text(done));
        FakeSlack.Call reply = slack.await("chat.postMessage", c -> card.ts().equals(c.param("thread_ts")), Duration.ofSeconds(10));
        assertEquals(ApprovalWorld.CHANNEL, reply.param("channel"));
        assertTrue(reply.param("text").startsWith("<@U0DAN> your LinkedIn message was approved by <@U0CAT>"), reply.param("text"));
        Cards.awaitCard(slack, Cards.dm(ApprovalWorld.CAT), id, m -> List.of(ApprovalCards.OPEN_ACTION).equals(Cards.actionIds(m)));
        assertEquals("approved", oktopost.workflowItem(id).orElseThrow().path("Status").asText());
    }

    @Test
    void someoneWhoMayNotApproveIsToldWhyPrivatelyAndOktopostIsNotCalled() throws Exception {
        people.link(ApprovalWorld.EVE);
        String id = world.messageItem("Not yours");
        FakeSlack.Message card = newCard(id);

        assertEquals(200, client.press(ApprovalWorld.EVE, card, ApprovalCards.APPROVE_ACTION).statusCode());
        assertEquals(200, client.press(ApprovalWorld.CAT, card, ApprovalCards.APPROVE_ACTION).statusCode());
        assertEquals(200, client.press("U0ZED", card, ApprovalCards.APPROVE_ACTION).statusCode());

        FakeSlack.Call eve = privateAnswer(ApprovalWorld.EVE);
        assertEquals("Only the approvers of step 1 of 3: Review can decide on this (Ann Approver, Bob Boss).", eve.param("text"));
        assertEquals("ephemeral", eve.param("response_type"));
        assertEquals("false", eve.param("replace_original"));
        assertTrue(privateAnswer(ApprovalWorld.CAT).param("text").startsWith("Only the approvers of step 1 of 3: Review"));
        assertTrue(privateAnswer("U0ZED").param("text").contains("Run `/okto link`"));
        awaitQuiet();
        assertEquals(0, oktopost.count("POST", "/workflow-item"));
        assertEquals(0, Cards.updates(slack, id));
    }

    @Test
    void anApproverNotLinkedYetIsLinkedByTheirSlackEmailAndApprovesWithTheNextClick() throws Exception {
        String id = world.messageItem("First click links");
        FakeSlack.Message card = newCard(id);
        people.unlink(ApprovalWorld.ANN);
        try {
            client.press(ApprovalWorld.ANN, card, ApprovalCards.APPROVE_ACTION);

            assertEquals("I have linked you to Oktopost as Ann Approver (ann@acme.example). Press *Approve* again.",
                    privateAnswer(ApprovalWorld.ANN).param("text"));
            assertEquals(0, oktopost.count("POST", "/workflow-item"));

            client.press(ApprovalWorld.ANN, card, ApprovalCards.APPROVE_ACTION);
            Cards.awaitCard(slack, ApprovalWorld.CHANNEL, id, m -> Cards.text(m).contains("approved by <@U0ANN>"));
            assertEquals(1, oktopost.count("POST", "/workflow-item"));
        } finally {
            if (people.linkOf(ApprovalWorld.ANN).isEmpty()) {
                people.link(ApprovalWorld.ANN);
            }
        }
    }

    @Test
    void aClickOnACardShowingAnEarlierStepChangesNothing() {
        String id = world.messageItem("Stale");
        FakeSlack.Message original = newCard(id);
        client.press(ApprovalWorld.BOB, original, ApprovalCards.APPROVE_ACTION);
        Cards.awaitCard(slack, ApprovalWorld.CHANNEL, id, m -> Cards.text(m).contains("approved by <@U0BOB>"));

        client.press(ApprovalWorld.ANN, original, ApprovalCards.APPROVE_ACTION);

        assertEquals("This card is out of date: the item has moved on to step 2 of 3: Manager Confirmation.",
                privateAnswer(ApprovalWorld.ANN).param("text"));
        assertEquals(1, oktopost.count("POST", "/workflow-item"));
        assertEquals(world.manager, oktopost.workflowItem(id).orElseThrow().path("StepId").asText());
    }

    @Test
    void whenTheItemMovedOnInOktopostUnnoticedTheStepIdKeepsTheClickFromChangingAnything() {
        String id = world.messageItem("Moved behind our back");
        FakeSlack.Message card = newCard(id);
        oktopost.workflowItem(id).orElseThrow().put("StepId", world.legal);

        client.press(ApprovalWorld.ANN, card, ApprovalCards.APPROVE_ACTION);

        FakeSlack.Call answer = privateAnswer(ApprovalWorld.ANN);
        assertTrue(answer.param("text").startsWith("Nothing changed: in Oktopost the item had already moved on"), answer.param("text"));
        assertEquals(world.review, oktopost.last("POST", "/workflow-item/" + id).param("stepId"));
        assertEquals(world.legal, oktopost.workflowItem(id).orElseThrow().path("StepId").asText(), "not approved again");
        assertEquals("pending", oktopost.workflowItem(id).orElseThrow().path("Status").asText());
        FakeSlack.Message updated = Cards.awaitCard(slack, ApprovalWorld.CHANNEL, id,
                m -> Cards.text(m).contains("Waiting at *Step 3 of 3: Legal*"));
        assertTrue(Cards.text(updated).contains("Step 1 of 3: Review approved in Oktopost"), Cards.text(updated));
    }

    @Test
    void simultaneousClicksMakeOneDecisionAndOneOktopostCall() throws Exception {
        String id = world.messageItem("Race");
        FakeSlack.Message card = newCard(id);
        oktopost.latency(Duration.ofMillis(300));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> clicks = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String user = i % 2 == 0 ? ApprovalWorld.ANN : ApprovalWorld.BOB;
                clicks.add(pool.submit(() -> {
                    start.await();
                    return client.press(user, card, ApprovalCards.APPROVE_ACTION);
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> click : clicks) {
                assertEquals(200, click.get().statusCode());
            }
        } finally {
            pool.shutdownNow();
        }
        Cards.until("five losers told", () -> answersOn(card).size() >= 5);
        FakeSlack.Message updated = Cards.awaitCard(slack, ApprovalWorld.CHANNEL, id,
                m -> Cards.text(m).contains("Step 1 of 3: Review approved by"));
        awaitQuiet();
        assertEquals(1, oktopost.count("POST", "/workflow-item"));
        assertEquals(1, countOccurrences(Cards.text(updated), "approved by <@"));
        for (FakeSlack.Call told : answersOn(card)) {
            String text = told.param("text");
            assertTrue(text.endsWith("is deciding on this right now.") || text.startsWith("This card is out of date"), text);
        }
        assertEquals(world.manager, oktopost.workflowItem(id).orElseThrow().path("StepId").asText());
    }

    @Test
    void rejectAsksForANoteInAFormAndTheRejectionReachesOktopostTheCardsAndTheAuthor() throws Exception {
        String id = world.messageItem("Reject me");
        FakeSlack.Message card = newCard(id);

        assertEquals(200, client.press(ApprovalWorld.BOB, card, ApprovalCards.REJECT_ACTION).statusCode());

        FakeSlack.Call open = slack.await("views.open");
        assertTrue(open.param("trigger_id").startsWith("trigger-"));
        JsonNode view = open.json("view");
        assertEquals(ApprovalCards.REJECT_CALLBACK, view.path("callback_id").asText());
        String metadata = view.path("private_metadata").asText();
        assertEquals(new CardRef(id, 1, world.review), RejectMetadata.parse(metadata).orElseThrow().ref());

        HttpResponse<String> blank = client.submitReject(ApprovalWorld.BOB, metadata, "   ");
        JsonNode errors = new com.fasterxml.jackson.databind.ObjectMapper().readTree(blank.body());
        assertEquals("errors", errors.path("response_action").asText());
        assertEquals("Say what needs to change; the author sees this note.", errors.path("errors").path(ApprovalCards.NOTE_BLOCK).asText());
        assertEquals(0, oktopost.count("POST", "/workflow-item"));

        HttpResponse<String> sent = client.submitReject(ApprovalWorld.BOB, metadata, "Fix the typo in line 2");
        assertEquals(200, sent.statusCode());
        assertFalse(sent.body().contains("errors"), sent.body());

        FakeSlack.Message rejected = Cards.awaitCard(slack, ApprovalWorld.CHANNEL, id, m -> Cards.header(m).startsWith(":x: Rejected"));
        FakeOktopost.RecordedRequest decision = oktopost.last("POST", "/workflow-item/" + id);
        assertEquals("0", decision.param("isApprove"));
        assertEquals(world.review, decision.param("stepId"));
        assertEquals("Rejected in Slack by Bob Boss (Slack user U0BOB): Fix the typo in line 2", decision.param("note"));
        assertEquals(List.of(ApprovalCards.OPEN_ACTION), Cards.actionIds(rejected));
        assertTrue(Cards.text(rejected).contains("Step 1 of 3: Review rejected by <@U0BOB>"), Cards.text(rejected));
        assertTrue(Cards.text(rejected).contains("> Fix the typo in line 2"), Cards.text(rejected));
        FakeSlack.Call reply = slack.await("chat.postMessage", c -> card.ts().equals(c.param("thread_ts")), Duration.ofSeconds(10));
        assertEquals("<@U0DAN> your LinkedIn message was rejected by <@U0BOB>:\n> Fix the typo in line 2", reply.param("text"));

        HttpResponse<String> again = client.submitReject(ApprovalWorld.BOB, metadata, "Once more");
        assertTrue(again.body().contains("This card is out of date: the item was already rejected."), again.body());
        assertEquals(1, oktopost.count("POST", "/workflow-item"));
    }

    @Test
    void whenOktopostRefusesARejectionThePersonIsToldWhyWithTheirNoteAndMayRejectAgain() throws Exception {
        String id = world.messageItem("Refused rejection");
        FakeSlack.Message card = newCard(id);
        client.press(ApprovalWorld.BOB, card, ApprovalCards.REJECT_ACTION);
        String metadata = slack.await("views.open").json("view").path("private_metadata").asText();
        oktopost.failNext("POST", "/workflow-item/" + id, 400, 1);

        assertEquals(200, client.submitReject(ApprovalWorld.BOB, metadata, "The <link> & the date are wrong\nSee line 3").statusCode());

        FakeSlack.Call told = slack.await("chat.postEphemeral", c -> ApprovalWorld.BOB.equals(c.param("user")), Duration.ofSeconds(10));
        assertEquals(ApprovalWorld.CHANNEL, told.param("channel"));
        assertEquals("Your rejection of step 1 of 3: Review did not go through. Oktopost said: Injected failure (HTTP 400)"
                + "\nYour note, to use again:\n> The &lt;link&gt; &amp; the date are wrong\n> See line 3", told.param("text"));
        assertEquals("pending", oktopost.workflowItem(id).orElseThrow().path("Status").asText());
        Cards.until("the failed decision let go", () -> count("SELECT COUNT(*) FROM approval_intent WHERE slot = 'live'") == 0);
        assertEquals(0, Cards.updates(slack, id), "the card still waits for a decision");

        client.submitReject(ApprovalWorld.BOB, metadata, "Second try");
        Cards.awaitCard(slack, ApprovalWorld.CHANNEL, id, m -> Cards.header(m).startsWith(":x: Rejected"));
        assertEquals(2, oktopost.count("POST", "/workflow-item/" + id));
    }

    @Test
    void afterItsOwnDecisionTheAppTakesAnyStatusButPendingAsDecided() throws Exception {
        String id = world.messageItem("Undocumented status");
        FakeSlack.Message card = newCard(id);
        // The reference documents only 'pending': an answer naming another status still means the item was decided.
        oktopost.on("POST", "/workflow-item/" + id, request -> {
            ObjectNode item = oktopost.workflowItem(id).orElseThrow();
            item.put("Status", "revisions_requested");
            ObjectNode answer = JSON.createObjectNode().put("Result", true);
            answer.set("Data", item.deepCopy().without("History"));
            return FakeOktopost.Reply.ok(answer);
        });
        try {
            client.press(ApprovalWorld.BOB, card, ApprovalCards.REJECT_ACTION);
            String metadata = slack.await("views.open").json("view").path("private_metadata").asText();
            client.submitReject(ApprovalWorld.BOB, metadata, "Needs another pass");

            FakeSlack.Message rejected = Cards.awaitCard(slack, ApprovalWorld.CHANNEL, id, m -> Cards.header(m).startsWith(":x: Rejected"));
            assertTrue(Cards.text(rejected).contains("Step 1 of 3: Review rejected by <@U0BOB>"), Cards.text(rejected));
            assertEquals(1, oktopost.count("POST", "/workflow-item/" + id));
        } finally {
            oktopost.clearRoutes();
        }
    }

    @Test
    void rejectIsRefusedBeforeAFormOpensForSomeoneWhoMayNotReject() {
        String id = world.messageItem("Not your form");
        FakeSlack.Message card = newCard(id);

        client.press(ApprovalWorld.CAT, card, ApprovalCards.REJECT_ACTION);

        assertTrue(privateAnswer(ApprovalWorld.CAT).param("text").startsWith("Only the approvers of step 1 of 3: Review"));
        assertTrue(slack.calls("views.open").isEmpty());
    }

    // ----

    private FakeSlack.Message newCard(String id, String... dmsTo) {
        client.newItem(id, world.workflowId);
        FakeSlack.Message card = Cards.await(slack, ApprovalWorld.CHANNEL, id);
        for (String user : dmsTo) {
            Cards.await(slack, Cards.dm(user), id);
        }
        awaitQuiet();
        oktopost.reset();
        return card;
    }

    private FakeSlack.Call privateAnswer(String userId) {
        return slack.await("response_url", c -> c.param("response_id").startsWith(userId + "-"), Duration.ofSeconds(10));
    }

    private List<FakeSlack.Call> answersOn(FakeSlack.Message card) {
        return slack.calls("response_url").stream().filter(c -> c.param("response_id").endsWith("-" + card.ts())).toList();
    }

    private static int countOccurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

}
