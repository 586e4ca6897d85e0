package com.oktoslack.approvals;

import com.oktoslack.people.DmMode;
import com.oktoslack.people.Preferences;
import com.oktoslack.testing.FakeSlack;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Calm DMs: a burst of 50 new items is one DM, counted and updated in place; a lone item keeps its own card. */
@MicronautTest(transactional = false)
class GroupedDmTest extends ApprovalsTestBase {

    static final int BURST = 50;

    @Inject
    Preferences preferences;

    @Test
    void aBurstOf50IsOneGroupedDmWhileEachModeKeepsACardPerItem() {
        preferences.setDmMode(ApprovalWorld.BOB, DmMode.EACH);
        List<String> events = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            String id = world.messageItem("Burst " + i);
            ids.add(id);
            events.add(ApprovalClient.event(ApprovalWebhooks.NEW_ITEM, id, world.workflowId));
        }

        client.deliver("[" + String.join(",", events) + "]");

        Cards.until("every card out", () -> count("SELECT COUNT(*) FROM approval_card WHERE entity_id IN ('"
                + String.join("','", ids) + "') AND status IN ('due', 'posting')") == 0
                && count("SELECT COUNT(*) FROM approval_card WHERE kind = 'channel' AND status = 'posted'") >= BURST, 120);
        List<FakeSlack.Call> toAnn = slack.calls("chat.postMessage").stream()
                .filter(c -> ApprovalWorld.ANN.equals(c.param("channel"))).toList();
        assertEquals(1, toAnn.size(), "one DM for Ann: " + toAnn.stream().map(c -> c.param("text")).toList());
        Cards.until("Ann's DM counts all 50", () -> slack.messages().values().stream()
                .anyMatch(m -> m.channel().equals(Cards.dm(ApprovalWorld.ANN)) && m.text().equals("50 new items wait for you")));
        FakeSlack.Message grouped = slack.messages().values().stream()
                .filter(m -> m.channel().equals(Cards.dm(ApprovalWorld.ANN))).findFirst().orElseThrow();
        assertTrue(grouped.blocks().contains(ApprovalQueue.DECIDE_SEVERAL_ACTION), "a button to review them");
        for (String id : ids) {
            assertEquals(1, Cards.posts(slack, ApprovalWorld.BOB, id), "Bob asked for each item's card: " + id);
        }

        String later = world.messageItem("One more in the burst");
        client.newItem(later, world.workflowId);
        Cards.until("the same DM counts 51", () -> slack.message(grouped.channel(), grouped.ts()).text()
                .equals("51 new items wait for you"));
        assertEquals(1, slack.calls("chat.postMessage").stream().filter(c -> ApprovalWorld.ANN.equals(c.param("channel"))).count(),
                "updated in place, not posted again");
        preferences.setDmMode(ApprovalWorld.BOB, DmMode.GROUPED);
    }
}
