package com.oktoslack.approvals;

import com.oktoslack.jobs.Jobs;
import com.oktoslack.jobs.RecurringJob;
import com.oktoslack.people.Preferences;
import com.oktoslack.testing.FakeSlack;
import com.oktoslack.testing.MovableClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reminders and escalations set with {@code /okto remind}, sent by the reminder sweep as the app's clock moves on.
 * Ann and Bob (Review) are in Berlin; Eve, a Review approver here, is in New York. The tests move the clock forward
 * only, in the order they run.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemindersTest extends ApprovalsTestBase {

    static final String ADMIN = "U0ADMIN";
    static final String ESCALATIONS = "C0LEADS";

    @Inject
    MovableClock clock;
    @Inject
    List<RecurringJob> jobs;
    @Inject
    Jobs engine;
    @Inject
    Preferences preferences;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(super.extraProperties());
        // Friday 6 March 2026, 13:00 UTC: 14:00 in Berlin, 08:00 in New York (still on EST).
        properties.put("okto.digest.test-clock", "2026-03-06T13:00:00Z");
        return properties;
    }

    @BeforeAll
    void eveInNewYorkApprovesReviewToo() throws Exception {
        slack.addUser(ADMIN, "ada@acme.example", "Ada Admin", "Europe/Berlin", true);
        slack.addUser(ApprovalWorld.EVE, "eve@acme.example", "Eve Else", "America/New_York", false);
        oktopost.addApprover(world.review, world.eveId);
        people.link(ApprovalWorld.EVE);
        slack.addChannel(ESCALATIONS, "approval-leads");
    }

    @Test
    @Order(1)
    void anUrgentItemIsMarkedOnItsCardAndItsApproversAreRemindedWithoutAnyThreshold() {
        String token = token();
        String urgent = world.postItem("Goes out soon " + token, clock.instant().plus(Duration.ofHours(2)));
        String later = world.postItem("Goes out later " + token, clock.instant().plus(Duration.ofDays(3)));

        FakeSlack.Message urgentCard = newCard(urgent);
        FakeSlack.Message laterCard = newCard(later);

        assertTrue(urgentCard.blocks().contains("okto_urgent"), urgentCard.blocks());
        assertTrue(Cards.text(urgentCard).contains(":rotating_light: *Urgent*: scheduled to go out <!date^"), Cards.text(urgentCard));
        assertFalse(laterCard.blocks().contains("okto_urgent"), laterCard.blocks());

        sweep();

        FakeSlack.Call dm = onlyReminder(ApprovalWorld.ANN, "Goes out soon " + token);
        assertTrue(dm.param("text").startsWith(":rotating_light: *Urgent*: this goes out <!date^"), dm.param("text"));
        onlyReminder(ApprovalWorld.BOB, "Goes out soon " + token);
        assertEquals(0, reminders(ApprovalWorld.ANN, "Goes out later " + token).size(), "no workflow threshold is set yet");
    }

    @Test
    @Order(2)
    void noReminderOutsideTheApproversHoursAcrossTheSpringDaylightSavingChange() {
        setReminders("/okto remind Marketing after 1m", "reminders after 1m, no escalation");
        String token = token();
        newCard(world.messageItem("Spring forward " + token));

        // Friday 13:30 UTC: 14:30 in Berlin, 08:30 in New York (EST): Ann and Bob are reminded, Eve not yet.
        clock.at("2026-03-06T13:30:00Z");
        sweep();
        onlyReminder(ApprovalWorld.ANN, token);
        onlyReminder(ApprovalWorld.BOB, token);
        assertEquals(0, reminders(ApprovalWorld.EVE, token).size(), "08:30 in New York is before the reminder hours");

        // Saturday 15:00 UTC: the weekend everywhere.
        clock.at("2026-03-07T15:00:00Z");
        sweep();
        assertEquals(0, reminders(ApprovalWorld.EVE, token).size(), "no reminders at the weekend");

        // Monday 9 March, 13:30 UTC: New York moved to EDT on Sunday, so it is 09:30 there (it would be 08:30 on EST).
        clock.at("2026-03-09T13:30:00Z");
        sweep();
        FakeSlack.Call eve = onlyReminder(ApprovalWorld.EVE, token);
        assertTrue(eve.param("text").startsWith(":alarm_clock: *Reminder*: this has waited 3 days for your approval"),
                eve.param("text"));
        assertEquals(2, reminders(ApprovalWorld.ANN, token).size(), "Ann again, a day after her first reminder");

        sweep();
        assertEquals(1, reminders(ApprovalWorld.EVE, token).size(), "at most once a day");
    }

    @Test
    @Order(3)
    void aReminderAfterOneMinuteAndAnEscalationAfterTwoThenNothingMoreOnceDecided() {
        // Wednesday 11 March, 10:00 UTC: 11:00 in Berlin, 06:00 in New York.
        clock.at("2026-03-11T10:00:00Z");
        setReminders("/okto remind marketing after 1m escalate after 2m <#" + ESCALATIONS + "|approval-leads>",
                "reminders after 1m, escalated to <#" + ESCALATIONS + "> after 2m");
        String token = token();
        String id = world.messageItem("Waiting too long " + token);
        FakeSlack.Message card = newCard(id);

        sweep();
        assertEquals(0, reminders(ApprovalWorld.ANN, token).size(), "not a minute yet");

        // This time on the job engine, as in production.
        clock.at(clock.instant().plusSeconds(61));
        engine.nudge("reminders.sweep");
        Cards.until("Ann and Bob reminded", () -> reminders(ApprovalWorld.ANN, token).size() == 1
                && reminders(ApprovalWorld.BOB, token).size() == 1);
        FakeSlack.Call ann = onlyReminder(ApprovalWorld.ANN, token);
        assertTrue(ann.param("text").startsWith(":alarm_clock: *Reminder*: this has waited 1 minute for your approval."),
                ann.param("text"));
        assertTrue(ann.param("text").contains("*LinkedIn message by Dan Author* in workflow Marketing, step 1 of 3: Review"),
                ann.param("text"));
        onlyReminder(ApprovalWorld.BOB, token);
        assertEquals(0, reminders(ApprovalWorld.EVE, token).size(), "06:00 in New York");
        assertEquals(0, escalations(token).size(), "not two minutes yet");

        clock.at(clock.instant().plusSeconds(60));
        sweep();
        sweep();
        List<FakeSlack.Call> escalated = escalations(token);
        assertEquals(1, escalated.size(), "escalated once");
        String text = escalated.get(0).param("text");
        assertTrue(text.startsWith(":rotating_light: *Waiting too long*: this has waited 2 minutes for approval."), text);
        assertTrue(text.endsWith("It waits for <@U0ANN>, <@U0BOB>, <@U0EVE>."), text);
        assertEquals(1, reminders(ApprovalWorld.ANN, token).size(), "still once a day");

        // Decided in Slack: the item moves on to Bob's step; it is not escalated again, and Bob had his reminder today.
        client.press(ApprovalWorld.ANN, card, ApprovalCards.APPROVE_ACTION);
        Cards.awaitCard(slack, ApprovalWorld.CHANNEL, id, m -> Cards.text(m).contains("approved by <@U0ANN>"));
        clock.at(clock.instant().plus(Duration.ofMinutes(5)));
        sweep();
        assertEquals(1, escalations(token).size());
        assertEquals(1, reminders(ApprovalWorld.BOB, token).size());
    }

    @Test
    @Order(4)
    void remindersStopWhenTheItemIsDecidedAndBadInputChangesNothing() {
        clock.at("2026-03-12T10:00:00Z");
        String token = token();
        String id = world.messageItem("Decided at once " + token);
        oktopost.workflowItem(id).orElseThrow().put("StepId", world.legal);
        FakeSlack.Message card = newCard(id);
        client.press(ApprovalWorld.CAT, card, ApprovalCards.APPROVE_ACTION);
        Cards.awaitCard(slack, ApprovalWorld.CHANNEL, id, m -> Cards.header(m).startsWith(":white_check_mark: Approved"));

        clock.at(clock.instant().plus(Duration.ofMinutes(10)));
        sweep();
        assertEquals(0, reminders(ApprovalWorld.CAT, token).size(), "a decided item is not reminded of");

        assertEquals("`5x` is not a reminder time: use a whole number of minutes, hours or days, like `1m`, `30m`, `4h` "
                + "or `2d` (at most 365d). Nothing was changed.", ack(ADMIN, "remind Marketing after 5x"));
        assertTrue(ack(ADMIN, "remind Marketing after 1h escalate after 2h leads").startsWith("`leads` is not a channel"));
        assertTrue(ack(ADMIN, "remind Marketing soon").startsWith("Usage: `/okto remind <workflow> after <duration>"));
        assertEquals("Only Slack workspace admins can set approval reminders.",
                answer(ApprovalWorld.ANN, "remind Marketing off"));
        assertTrue(answer(ADMIN, "remind Nowhere after 1h").startsWith("No Oktopost workflow is called \"Nowhere\"; nothing was changed."));
        assertTrue(answer(ADMIN, "remind").contains("• Marketing: reminders after 1m, escalated to <#" + ESCALATIONS + "> after 2m"),
                "the setting is as it was");

        assertEquals("Reminders for workflow Marketing are off.", answer(ADMIN, "remind Marketing off"));
        assertTrue(answer(ADMIN, "remind").startsWith("No workflow has reminders yet."));
    }

    @Test
    @Order(5)
    void aPersonWhoTurnedRemindersOffIsNotRemindedAndAReminderCanBeApprovedFromItself() {
        clock.at("2026-03-13T10:00:00Z"); // Friday, 11:00 in Berlin
        setReminders("/okto remind marketing after 1m", "reminders after 1m, no escalation");
        preferences.setRemindersOn(ApprovalWorld.ANN, false);
        String token = token();
        String id = world.messageItem("Ann is on leave " + token);
        newCard(id);

        clock.at(clock.instant().plusSeconds(61));
        sweep();
        assertEquals(0, reminders(ApprovalWorld.ANN, token).size(), "Ann turned reminders off");
        onlyReminder(ApprovalWorld.BOB, token);
        FakeSlack.Message reminder = slack.messages().values().stream()
                .filter(m -> m.blocks() != null && m.blocks().contains("\"reminder:" + id + ":")).findFirst().orElseThrow();
        oktopost.reset();

        assertEquals(200, client.press(ApprovalWorld.BOB, reminder, ApprovalCards.APPROVE_ACTION).statusCode());
        Cards.awaitCard(slack, ApprovalWorld.CHANNEL, id, m -> Cards.text(m).contains("approved by <@U0BOB>"));
        assertEquals(1, oktopost.count("POST", "/workflow-item"), "decided as from its card");
        preferences.setRemindersOn(ApprovalWorld.ANN, true);
    }

    // ----

    private void sweep() {
        try {
            jobs.stream().filter(j -> j.kind().equals("reminders.sweep")).findFirst().orElseThrow().run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void setReminders(String command, String expected) {
        String answer = answer(ADMIN, command.substring("/okto ".length()));
        assertTrue(answer.endsWith(expected + "."), answer);
    }

    private FakeSlack.Message newCard(String id) {
        client.newItem(id, world.workflowId);
        FakeSlack.Message card = Cards.await(slack, ApprovalWorld.CHANNEL, id);
        awaitQuiet();
        return card;
    }

    private List<FakeSlack.Call> reminders(String slackUserId, String token) {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> slackUserId.equals(c.param("channel")) && c.param("blocks") != null
                        && c.param("blocks").contains("\"reminder:") && c.param("text") != null && c.param("text").contains(token))
                .toList();
    }

    private FakeSlack.Call onlyReminder(String slackUserId, String token) {
        List<FakeSlack.Call> found = reminders(slackUserId, token);
        assertEquals(1, found.size(), "one reminder to " + slackUserId + ": " + found);
        return found.get(0);
    }

    private List<FakeSlack.Call> escalations(String token) {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> ESCALATIONS.equals(c.param("channel")) && c.param("text").contains(token)).toList();
    }

    private String ack(String userId, String text) {
        String body = slackRequests().slashCommand(userId, text, slack.responseUrl("ack-" + UUID.randomUUID())).body();
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path("text").asText();
        } catch (Exception e) {
            throw new IllegalStateException(body, e);
        }
    }

    private String answer(String userId, String text) {
        String responseId = userId + "-" + UUID.randomUUID();
        assertEquals(200, slackRequests().slashCommand(userId, text, slack.responseUrl(responseId)).statusCode());
        return slack.await("response_url", c -> responseId.equals(c.param("response_id")), Duration.ofSeconds(10)).param("text");
    }

    private static String token() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @SuppressWarnings("unused")
    private static Instant at(String iso) {
        return Instant.parse(iso);
    }
}
