package com.oktoslack.digest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oktoslack.testing.FakeSlack;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Approvers' own daily DM: only what waits in steps that list them, for linked Oktopost users only. */
@MicronautTest(transactional = false)
class PersonalDigestTest extends DigestTestBase {

    private static final Instant NOW = Instant.parse("2024-03-11T06:00:00Z");

    @Inject
    DataSource dataSource;

    private String review;
    private String firstForReview;

    @BeforeEach
    void approvalsWaiting() {
        clock.at(NOW);
        String alice = id(oktopost.addUser("Alice Approver", "alice@example.com"));
        String bob = id(oktopost.addUser("Bob Approver", "bob@example.com"));
        ObjectNode marketing = oktopost.addWorkflow("Marketing", "Review", "Legal");
        review = oktopost.stepId(id(marketing), 0);
        String legal = oktopost.stepId(id(marketing), 1);
        oktopost.addApprover(review, alice);
        oktopost.addApprover(legal, bob);
        ObjectNode social = oktopost.addWorkflow("Social", "Brand check");
        String brand = oktopost.stepId(id(social), 0);
        oktopost.addApprover(brand, bob);
        firstForReview = waitingItem(id(marketing), review, "r1", NOW.minus(Duration.ofDays(3))).get("MessageId").asText();
        waitingItem(id(marketing), review, "r2", NOW.minus(Duration.ofHours(2)));
        waitingItem(id(marketing), legal, "l1", NOW.minus(Duration.ofHours(7)));
        waitingItem(id(social), brand, "b1", NOW.minus(Duration.ofDays(1)));
        client.forgetCachedLists();
    }

    @Test
    void eachApproverGetsOnlyWhatWaitsForThem() {
        command(ALICE, "digest me 09:00 Europe/Berlin");
        followUp("every day at 09:00 (Europe/Berlin)");
        command(BOB, "digest me 03:00 America/New_York");
        followUp("every day at 03:00 (America/New_York)");

        assertEquals(2, tickAt("2024-03-11T08:00:30Z"), "09:00 Berlin is 04:00 in New York");

        String alice = blockText(single(ALICE));
        assertTrue(alice.contains("Waiting for your approval"), alice);
        assertTrue(alice.contains("*Waiting for you*: 2 items in 1 workflow"), alice);
        assertTrue(alice.contains("*Marketing*\n• Review: 2 waiting, oldest 3 days"), alice);
        assertFalse(alice.contains("Legal"), alice);
        assertFalse(alice.contains("Brand check"), alice);

        String bob = blockText(single(BOB));
        assertTrue(bob.contains("*Waiting for you*: 2 items in 2 workflows"), bob);
        assertTrue(bob.contains("• Legal: 1 waiting, for 9 hours"), bob);
        assertTrue(bob.contains("• Brand check: 1 waiting, for 1 day"), bob);
        assertFalse(bob.contains("Review"), bob);

        assertEquals(0, tickAt("2024-03-11T08:30:00Z"));
        assertEquals(2, slack.calls("chat.postMessage").size());
    }

    @Test
    @DisabledIfSystemProperty(named = "test.database", matches = "postgresql",
            disabledReason = "writes timestamps as SQLite keeps them: epoch millis")
    void whatAnApproverHasApprovedFromSlackAtAStepEveryoneMustApproveNoLongerWaitsForThem() throws SQLException {
        sql("INSERT INTO approval_item (entity_id, round, entity_type, workflow_id, step_id, step, approver_ids, status, "
                + "content, version, created_at, updated_at) VALUES ('" + firstForReview + "', 1, 'message', 'w', '" + review
                + "', '{}', ',a,', 'pending', '{}', 1, 0, 0)");
        sql("INSERT INTO approval_decision (entity_id, round, step_id, step_label, outcome, slack_user_id, source, decided_at) "
                + "VALUES ('" + firstForReview + "', 1, '" + review + "', 'Review', 'approved', '" + ALICE + "', 'slack', 0)");
        try {
            command(ALICE, "digest me 09:00 Europe/Berlin");
            followUp("every day at 09:00 (Europe/Berlin)");

            assertEquals(1, tickAt("2024-03-11T08:00:30Z"));

            String alice = blockText(single(ALICE));
            assertTrue(alice.contains("*Marketing*\n• Review: 1 waiting, for 4 hours"), alice);
        } finally {
            sql("DELETE FROM approval_decision");
            sql("DELETE FROM approval_item");
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement sql = connection.createStatement()) {
            sql.executeUpdate(statement);
        }
    }

    @Test
    void anApproverWithNothingWaitingIsToldSo() throws Exception {
        linkedApprover(CAROL, "Carol Outsider", "carol@example.com");
        command(CAROL, "digest me 09:00 Europe/Berlin");
        FakeSlack.Call answer = followUp("You'll get a DM");
        assertTrue(answer.param("text").contains("You are not an approver in any workflow step yet"), answer.param("text"));

        assertEquals(1, tickAt("2024-03-11T08:00:30Z"));

        String digest = blockText(single(CAROL));
        assertTrue(digest.contains("Nothing is waiting for your approval. :tada:"), digest);
    }

    @Test
    void someoneNoLongerLinkedGetsNoDm() {
        command(ALICE, "digest me 09:00 Europe/Berlin");
        followUp("You'll get a DM");
        people.unlink(ALICE);

        assertEquals(0, tickAt("2024-03-11T08:00:30Z"));
        assertEquals(0, tickAt("2024-03-11T08:01:30Z"));

        assertTrue(slack.calls("chat.postMessage").isEmpty());
        assertEquals(DigestSender.NOT_LINKED, subscriptions.findById("person:" + ALICE).orElseThrow().lastError());
    }

    @Test
    void nowSendsThePersonalDigestAtOnce() {
        String ack = ack(BOB, "digest me now");

        assertTrue(ack.contains("Sending you what waits for your approval"), ack);
        FakeSlack.Call dm = slack.await("chat.postMessage", c -> BOB.equals(c.param("channel")), Duration.ofSeconds(10));
        assertTrue(blockText(dm).contains("• Legal: 1 waiting"), blockText(dm));
        assertEquals(0, subscriptions.count());
    }

    private FakeSlack.Call single(String slackUser) {
        List<FakeSlack.Call> dms = digestsTo(slackUser);
        assertEquals(1, dms.size(), "DMs to " + slackUser);
        return dms.get(0);
    }
}
