package com.oktoslack.approvals;

import com.oktoslack.testing.FakeSlack;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 100 approvals in one form against limits the fake enforces (a breach answers 429): every item gets its own
 * decision call, and none meets a 429. The fake's 5-second window is made narrow (20 calls) so that the decisions
 * wait for room several times over in about half a minute; the app runs at 85% of it, as it does of Oktopost's
 * documented limits by default. The minute and day windows are held in {@code OktopostRateLimitTest}.
 */
@MicronautTest(transactional = false)
class HundredDecisionsTest extends ApprovalsTestBase {

    static final int ITEMS = SeveralDecisionsForm.MAX_ITEMS;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new java.util.HashMap<>(super.extraProperties());
        properties.put("oktopost.limits.per-minute", "510");
        properties.put("oktopost.limits.per-five-seconds", "17");
        return properties;
    }

    @Test
    void hundredApprovalsInOneGoAreEachDecidedWithoutA429() {
        oktopost.rateLimits(600, 20, Duration.ofSeconds(15));
        int breachesBefore = oktopost.rateLimitBreaches();
        List<String> events = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            String id = world.messageItem("Hundred " + i);
            events.add(ApprovalClient.event(ApprovalWebhooks.NEW_ITEM, id, world.workflowId));
            refs.add(new CardRef(id, 1, world.review).toJson());
        }
        client.deliver("[" + String.join(",", events) + "]");
        Cards.until("every card out", () -> count("SELECT COUNT(*) FROM approval_card WHERE kind = 'channel' AND status = 'posted'") >= ITEMS, 180);
        awaitQuiet();
        oktopost.reset();

        Map<String, Object> values = new LinkedHashMap<>();
        for (int group = 0; group < SeveralDecisionsForm.GROUPS; group++) {
            List<Map<String, Object>> ticked = new ArrayList<>();
            refs.subList(group * SeveralDecisionsForm.PER_GROUP, (group + 1) * SeveralDecisionsForm.PER_GROUP)
                    .forEach(ref -> ticked.add(Map.of("text", Map.of("type", "plain_text", "text", "item"), "value", ref)));
            values.put(SeveralDecisionsForm.ITEMS_BLOCK + group, Map.of(SeveralDecisionsForm.ITEMS_ACTION,
                    Map.of("type", "checkboxes", "selected_options", ticked)));
        }
        assertEquals(200, slackRequests().viewSubmission(ApprovalWorld.ANN, SeveralDecisionsForm.CALLBACK, "", values).statusCode());

        FakeSlack.Call summary = slack.await("chat.postMessage", c -> ApprovalWorld.ANN.equals(c.param("channel"))
                && c.param("text") != null && c.param("text").contains("Approved " + ITEMS + " of " + ITEMS), Duration.ofMinutes(5));
        assertTrue(summary.param("text").startsWith("*Approved 100 of 100"), summary.param("text"));
        assertEquals(ITEMS, oktopost.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().contains("/workflow-item/")).count());
        assertEquals(breachesBefore, oktopost.rateLimitBreaches(), "no call went over Oktopost's limits");
        assertTrue(slack.calls("views.update").size() >= 2, "progress shown as the decisions went out");
    }
}
