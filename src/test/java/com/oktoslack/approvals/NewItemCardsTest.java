package com.oktoslack.approvals;

import com.oktoslack.people.DmMode;
import com.oktoslack.people.Preferences;
import com.oktoslack.testing.FakeSlack;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class NewItemCardsTest extends ApprovalsTestBase {

    @Inject
    Preferences preferences;

    /** These tests follow each item's own DM card; grouped DMs are GroupedDmTest's. */
    @BeforeAll
    void eachItemItsOwnDm() {
        for (String user : List.of(ApprovalWorld.ANN, ApprovalWorld.BOB, ApprovalWorld.CAT, ApprovalWorld.DAN)) {
            preferences.setDmMode(user, DmMode.EACH);
        }
    }

    static final String DEFAULT_CHANNEL = "C0DEFAULT";

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(super.extraProperties());
        properties.put("slack.approvals-channel", DEFAULT_CHANNEL);
        return properties;
    }

    @Test
    void aNewItemGetsACardInItsWorkflowsChannelAndADmForEachLinkedApproverOfItsStep() {
        String id = world.messageItem("Spring is here! Our new collection lands on Monday.");

        client.newItem(id, world.workflowId);

        FakeSlack.Message card = Cards.await(slack, ApprovalWorld.CHANNEL, id);
        Cards.await(slack, Cards.dm(ApprovalWorld.ANN), id);
        Cards.await(slack, Cards.dm(ApprovalWorld.BOB), id);
        awaitQuiet();
        assertEquals(0, Cards.posts(slack, ApprovalWorld.CAT, id), "Cat approves a later step");
        assertEquals(0, Cards.posts(slack, ApprovalWorld.DAN, id), "the author approves nothing");
        assertEquals(1, Cards.posts(slack, ApprovalWorld.CHANNEL, id));

        String text = Cards.text(card);
        assertEquals(":hourglass_flowing_sand: Waiting for approval: LinkedIn message", Cards.header(card));
        assertTrue(text.contains("Spring is here! Our new collection lands on Monday."), text);
        assertTrue(text.contains("*Network*\nLinkedIn"), text);
        assertTrue(text.contains("*Campaign*\nSpring launch"), text);
        assertTrue(text.contains("*Author*\nDan Author"), text);
        assertTrue(text.contains("*Workflow*\nMarketing\nStep 1 of 3: Review"), text);
        assertTrue(text.contains("Waiting at *Step 1 of 3: Review* for Ann Approver, Bob Boss (any one of them)"), text);
        assertEquals(List.of(ApprovalCards.APPROVE_ACTION, ApprovalCards.REJECT_ACTION, ApprovalCards.OPEN_ACTION),
                Cards.actionIds(card));
        assertEquals("https://app.oktopost.example/approvals/" + id, Cards.buttons(card).get(2).path("url").asText());
        assertEquals(new CardRef(id, 1, world.review), CardRef.parse(ApprovalClient.buttonValue(card, ApprovalCards.APPROVE_ACTION)).orElseThrow());
        FakeSlack.Call post = slack.calls("chat.postMessage").stream()
                .filter(c -> ApprovalWorld.CHANNEL.equals(c.param("channel"))).findFirst().orElseThrow();
        assertEquals(CardMessages.METADATA_EVENT, post.json("metadata").path("event_type").asText());
        assertEquals("LinkedIn message by Dan Author waits for approval (step 1 of 3: Review)", post.param("text"));
        assertEquals(1, oktopost.count("GET", "/workflow-item"));
        assertEquals(0, oktopost.count("POST", "/workflow-item"));
    }

    @Test
    void anApproverWhoTurnedDmsOffGetsNoDm() {
        people.setDmEnabled(ApprovalWorld.BOB, false);
        try {
            String id = world.messageItem("Quiet please");
            client.newItem(id, world.workflowId);

            Cards.await(slack, Cards.dm(ApprovalWorld.ANN), id);
            awaitQuiet();
            assertEquals(1, Cards.posts(slack, ApprovalWorld.CHANNEL, id));
            assertEquals(0, Cards.posts(slack, ApprovalWorld.BOB, id));
        } finally {
            people.setDmEnabled(ApprovalWorld.BOB, true);
        }
    }

    @Test
    void aRepeatedWebhookPostsNoSecondCardAndCallsNoOneAgain() {
        String id = world.messageItem("Say it once");
        client.newItem(id, world.workflowId);
        Cards.await(slack, ApprovalWorld.CHANNEL, id);
        awaitQuiet();
        int calls = oktopost.requests().size();

        client.newItem(id, world.workflowId);
        client.deliver("[" + ApprovalClient.event(ApprovalWebhooks.NEW_ITEM, id, world.workflowId) + "]");
        awaitQuiet();

        assertEquals(1, Cards.posts(slack, ApprovalWorld.CHANNEL, id));
        assertEquals(1, Cards.posts(slack, ApprovalWorld.ANN, id));
        assertEquals(calls, oktopost.requests().size(), "a known item is not looked up again");
    }

    @Test
    void aWorkflowWithoutARouteUsesTheDefaultChannel() {
        String events = oktopost.addWorkflow("Events", "Check").get("Id").asText();
        oktopost.addApprover(oktopost.stepId(events, 0), world.catId);
        String messageId = oktopost.addMessage(world.campaignId, "Twitter", "See you at the fair").get("Id").asText();
        oktopost.addWorkflowItem(messageId, events, world.danId);

        client.newItem(messageId, events);

        FakeSlack.Message card = Cards.await(slack, DEFAULT_CHANNEL, messageId);
        Cards.await(slack, Cards.dm(ApprovalWorld.CAT), messageId);
        assertTrue(Cards.text(card).contains("*Workflow*\nEvents\nStep 1 of 1: Check"), Cards.text(card));
    }

    @Test
    void aPostShowsItsProfileLinkAndScheduledTimeAsADateToken() {
        Instant at = Instant.parse("2031-03-20T09:30:00Z");
        String id = world.postItem("Spring deals for everyone", at);

        client.newItem(id, world.workflowId);

        FakeSlack.Message card = Cards.await(slack, ApprovalWorld.CHANNEL, id);
        String text = Cards.text(card);
        assertEquals(":hourglass_flowing_sand: Waiting for approval: LinkedIn post", Cards.header(card));
        assertTrue(text.contains("*Profile*\nAcme on LinkedIn"), text);
        assertTrue(text.contains("*Scheduled*\n<!date^" + at.getEpochSecond() + "^{date_short_pretty} at {time}|2031-03-20 09:30 UTC>"), text);
        assertTrue(text.contains(":link: <https://acme.example/spring|Spring is here>"), text);
        assertTrue(text.contains("Spring deals for everyone"), text);
    }

    @Test
    void contentOktopostDoesNotShowIsCardedWithOktopostsReason() {
        String id = world.messageItem("Secret plans");
        oktopost.hide(id);

        client.newItem(id, world.workflowId);

        String text = Cards.text(Cards.await(slack, ApprovalWorld.CHANNEL, id));
        assertTrue(text.contains("The message's content is unavailable: Oktopost did not find it, or it is not visible "
                + "to the API user."), text);
        assertFalse(text.contains("Secret plans"), text);
        assertFalse(text.contains("(no text)"), text);
    }

    @Test
    void aStoryNamedOnlyByMessageIdIsCardedWithItsTitle() {
        String boardId = oktopost.addBoard("Employees").get("Id").asText();
        String storyId = oktopost.addStory(boardId, "Our spring story").get("ID").asText();
        oktopost.addWorkflowItem(storyId, world.workflowId, world.danId);

        client.newItem(storyId, world.workflowId);

        FakeSlack.Message card = Cards.await(slack, ApprovalWorld.CHANNEL, storyId);
        assertEquals(":hourglass_flowing_sand: Waiting for approval: Story", Cards.header(card));
        assertTrue(Cards.text(card).contains("Our spring story"), Cards.text(card));
    }

    @Test
    void aBatchOfItemsIsReadWithOneListCallAndOneMessagesCall() {
        List<String> ids = new ArrayList<>();
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 30; i++) {
            String id = world.messageItem("Batch item " + i);
            ids.add(id);
            body.append(i == 0 ? "" : ",").append(ApprovalClient.event(ApprovalWebhooks.NEW_ITEM, id, world.workflowId));
        }
        client.deliver(body.append("]").toString());

        for (String id : ids) {
            Cards.await(slack, ApprovalWorld.CHANNEL, id);
        }
        assertEquals(1, oktopost.count("GET", "/workflow-item"));
        assertEquals(1, oktopost.count("GET", "/message"));
        assertEquals(30, oktopost.last("GET", "/message").param("ids").split(",").length);
    }
}
