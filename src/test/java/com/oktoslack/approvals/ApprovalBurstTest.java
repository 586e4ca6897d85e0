package com.oktoslack.approvals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oktoslack.slack.ChannelRoutes;
import com.oktoslack.testing.FakeOktopost;
import com.oktoslack.testing.FakeSlack;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A burst of 300 {@code newApprovalItem} webhooks against Oktopost as the reference describes it (every list
 * pages at 25 unless asked for more, items name only their MessageId, its limits enforced): 300 channel
 * cards, each with its text, in at most 15 Oktopost calls and without a 429. The items are spread over 30
 * workflows routed to 30 channels, as Slack takes about one message per second per channel; their approvers
 * are not linked, so no DMs go out.
 */
@MicronautTest(transactional = false)
class ApprovalBurstTest extends ApprovalsTestBase {

    static final int BURST = 300;
    static final int CHANNELS = 30;
    static final int MAX_CALLS = 15;

    private static final AtomicInteger RUNS = new AtomicInteger();

    private final List<String> workflowIds = new ArrayList<>();
    private String campaignId;

    /** A posting lane per channel, so the 30 channels are paced side by side. */
    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(super.extraProperties());
        properties.put("okto.approvals.posting-lanes", Integer.toString(CHANNELS));
        // A busy machine may miss a few of the tests' quick heartbeats; no instance is stopped here.
        properties.put("okto.jobs.missed-heartbeats", "40");
        return properties;
    }

    @BeforeAll
    void seedWorkflows() {
        String approver = oktopost.addUser("Unlinked Approver", "unlinked@acme.example").get("Id").asText();
        campaignId = oktopost.addCampaign("Burst").get("Id").asText();
        for (int i = 0; i < CHANNELS; i++) {
            ObjectNode workflow = oktopost.addWorkflow("Team " + i, "Review");
            String workflowId = workflow.get("Id").asText();
            oktopost.addApprover(oktopost.stepId(workflowId, 0), approver);
            routes.set(ChannelRoutes.workflowKey(workflowId), channel(i), "Workflow Team " + i, "U0ADMIN");
            workflowIds.add(workflowId);
        }
    }

    @AfterEach
    void strictAgain() {
        oktopost.readings().strict();
    }

    @Test
    void itemsNamingOnlyTheirMessageId() throws Exception {
        burst(r -> { });
    }

    @Test
    void numbersAndBooleansAsStrings() throws Exception {
        burst(r -> r.scalarsAsStrings(true));
    }

    @Test
    void itemsNamingPostOrStoryIdsTooAndDecidedOnesLeavingTheList() throws Exception {
        burst(r -> r.documentedItemFieldsOnly(false).decidedItemsLeaveList(true));
    }

    /** Every item of a burst gets its channel card with its text. */
    private void burst(Consumer<FakeOktopost.Readings> configure) throws Exception {
        configure.accept(oktopost.readings());
        int run = RUNS.incrementAndGet();
        List<String> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            String text = "Burst " + run + " item " + i + ": spring is here";
            ObjectNode message = oktopost.addMessage(campaignId, "LinkedIn", text);
            String id = message.get("Id").asText();
            oktopost.addWorkflowItem(id, workflowIds.get(i % CHANNELS));
            ids.add(id);
            texts.add(text);
        }
        oktopost.reset();
        int breachesBefore = oktopost.rateLimitBreaches();

        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> sends = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                String id = ids.get(i);
                String workflowId = workflowIds.get(i % CHANNELS);
                sends.add(senders.submit(() -> client.newItem(id, workflowId)));
            }
            for (Future<?> send : sends) {
                send.get();
            }
        } finally {
            senders.shutdown();
        }
        Cards.until("a channel card for every item of the burst", () -> cardsWithText(ids, texts).size() == BURST, 240);

        Set<String> carded = cardsWithText(ids, texts);
        assertEquals(BURST, carded.size(), "every card carries its item's text");
        int calls = oktopost.requests().size();
        assertTrue(calls <= MAX_CALLS, "Oktopost calls for the burst: " + calls + " "
                + oktopost.requests().stream().map(r -> r.method() + " " + r.path()).toList());
        assertEquals(breachesBefore, oktopost.rateLimitBreaches(), "no call over Oktopost's limits");
        assertTrue(oktopost.busiestMinute() <= 60);
        assertTrue(slack.calls("chat.postMessage").stream().noneMatch(c -> c.param("channel").startsWith("D")),
                "no DMs: no approver of these workflows is linked");
    }

    /** The items whose channel card went out with the item's own text. */
    private Set<String> cardsWithText(List<String> ids, List<String> texts) {
        Set<String> carded = new HashSet<>();
        for (FakeSlack.Call call : slack.calls("chat.postMessage")) {
            String blocks = call.param("blocks");
            if (blocks == null || !call.param("channel").startsWith("C0BURST")) {
                continue;
            }
            for (int i = 0; i < ids.size(); i++) {
                if (blocks.contains("\"approval:" + ids.get(i) + ":") && blocks.contains(texts.get(i))) {
                    carded.add(ids.get(i));
                    break;
                }
            }
        }
        return carded;
    }

    private static String channel(int i) {
        return String.format("C0BURST%02d", i);
    }
}
