package com.oktoslack.digest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** However much there is, a round of digests costs a handful of Oktopost calls. */
@MicronautTest(transactional = false)
class DigestVolumeTest extends DigestTestBase {

    @Test
    void hundredsOfItemsPostsAndStoriesTakeAFewCalls() throws Exception {
        Instant now = Instant.parse("2024-03-11T08:00:00Z");
        clock.at(now.minus(Duration.ofHours(1)));
        String alice = linkedApprover(ALICE, "Alice Approver", "alice@example.com");
        List<String> steps = new ArrayList<>();
        List<String> workflows = new ArrayList<>();
        for (String name : List.of("Marketing", "Social", "Events")) {
            ObjectNode workflow = oktopost.addWorkflow(name, "Review", "Legal");
            workflows.add(id(workflow));
            steps.add(oktopost.stepId(id(workflow), 0));
            steps.add(oktopost.stepId(id(workflow), 1));
        }
        oktopost.addApprover(steps.get(0), alice);
        for (int i = 0; i < 500; i++) {
            ObjectNode item = waitingItem(workflows.get(i % 3), steps.get(i % 6), "item " + i, now.minus(Duration.ofMinutes(30 + i)));
            if (i >= 300) {
                item.put("Status", "approved");
            }
        }
        for (int i = 0; i < 280; i++) {
            post("LinkedIn", "Upcoming " + i, now.plus(Duration.ofMinutes(5 + i * 4L)), i % 10 == 0 ? "inqueue" : "pending");
        }
        for (int i = 0; i < 40; i++) {
            post("Twitter", "Failed " + i, now.minus(Duration.ofMinutes(10 + i * 20L)), "error");
        }
        String bigBoard = id(oktopost.addBoard("Employees"));
        String smallBoard = id(oktopost.addBoard("Partners"));
        // Oldest first, as they were created; the board lists the newest first.
        for (int i = 0; i < 110; i++) {
            story(bigBoard, "Story " + i, now.minus(Duration.ofMinutes(120 - i)));
        }
        for (int i = 0; i < 10; i++) {
            story(smallBoard, "Partner story " + i, now.minus(Duration.ofHours(12 - i)));
        }
        subscribeChannel(CHANNEL, "09:00", "Europe/Berlin");
        subscribeChannel("C0SECOND", "09:00", "Europe/Berlin");
        subscribeChannel("C0THIRD", "08:00", "Europe/London");
        command(ALICE, "digest me 09:00 Europe/Berlin");
        followUp("You'll get a DM");
        client.forgetCachedLists();
        oktopost.reset();

        assertEquals(4, tickAt("2024-03-11T08:00:30Z"));

        List<String> calls = oktopost.requests().stream().map(r -> r.method() + " " + r.path()).toList();
        assertTrue(calls.size() <= 16, "Oktopost calls: " + calls);
        assertEquals(1, oktopost.count("GET", "/workflow-item"), calls.toString());
        assertEquals(5, oktopost.count("GET", "/post"), calls.toString());
        assertEquals(5, oktopost.count("GET", "/postlog"), "the reasons of the first failed posts: " + calls);
        assertEquals(1, oktopost.count("GET", "/message"), calls.toString());
        assertEquals(2, oktopost.count("GET", "/story"), calls.toString());

        String digest = blockText(digestsTo(CHANNEL).get(0));
        assertTrue(digest.contains("*Waiting for approval*: 300 items in 3 workflows"), digest);
        assertTrue(digest.contains("• Review: 50 waiting"), digest);
        assertTrue(digest.contains("*Going out in the next 24 hours*: 280 posts"), digest);
        assertTrue(digest.contains("_and 270 more_"), digest);
        assertTrue(digest.contains("*Failed in the last 24 hours*: 40 posts"), digest);
        assertTrue(digest.contains("_and 30 more_"), digest);
        assertTrue(digest.contains("*New on the advocacy board*: 110+ stories"), digest);
        assertTrue(digest.contains("• Story 109 _(Employees)_"), digest);
        assertTrue(digest.contains("_and 100+ more_"), digest);

        String mine = blockText(digestsTo(ALICE).get(0));
        assertTrue(mine.contains("*Waiting for you*: 50 items in 1 workflow"), mine);
    }
}
