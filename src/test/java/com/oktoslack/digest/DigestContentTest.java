package com.oktoslack.digest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oktoslack.testing.FakeSlack;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a channel digest says, from data seeded in the fake Oktopost. */
@MicronautTest(transactional = false)
class DigestContentTest extends DigestTestBase {

    private static final Instant NINE_IN_BERLIN = Instant.parse("2024-03-11T08:00:00Z");

    @Test
    void showsApprovalsPerWorkflowAndStepWithCountsAndOldestAge() {
        Instant now = NINE_IN_BERLIN;
        ObjectNode marketing = oktopost.addWorkflow("Marketing", "Review", "Legal");
        String review = oktopost.stepId(id(marketing), 0);
        String legal = oktopost.stepId(id(marketing), 1);
        waitingItem(id(marketing), review, "a", now.minus(Duration.ofDays(2)).minus(Duration.ofHours(3)));
        waitingItem(id(marketing), review, "b", now.minus(Duration.ofHours(5)));
        waitingItem(id(marketing), review, "c", now.minus(Duration.ofMinutes(10)));
        waitingItem(id(marketing), legal, "d", now.minus(Duration.ofHours(5)).minus(Duration.ofMinutes(20)));
        waitingItem(id(marketing), legal, "settled", now.minus(Duration.ofDays(9))).put("Status", "approved");
        ObjectNode social = oktopost.addWorkflow("Social <team>", "Brand check");
        waitingItem(id(social), oktopost.stepId(id(social), 0), "e", now.minus(Duration.ofDays(4)));

        String digest = channelDigestAt(now);

        assertTrue(digest.contains("*Waiting for approval*: 5 items in 2 workflows"), digest);
        assertTrue(digest.contains("*Marketing*\n• Review: 3 waiting, oldest 2 days\n• Legal: 1 waiting, for 5 hours"), digest);
        assertTrue(digest.contains("*Social &lt;team&gt;*\n• Brand check: 1 waiting, for 4 days"), digest);
        assertTrue(digest.indexOf("Social &lt;team&gt;") < digest.indexOf("*Marketing*"), "the oldest wait first");
    }

    @Test
    void showsPostsGoingOutInTheNextDayWithTimesNetworksAndSnippets() {
        Instant now = NINE_IN_BERLIN;
        ObjectNode first = post("LinkedIn", "Spring <launch> & more\nsecond line", now.plus(Duration.ofMinutes(30)), "pending");
        post("Twitter", "Queued one", now.plus(Duration.ofHours(1)), "inqueue");
        for (int i = 0; i < 10; i++) {
            post("LinkedIn", "Later post " + i, now.plus(Duration.ofHours(2 + i)), "pending");
        }
        post("LinkedIn", "Day after tomorrow", now.plus(Duration.ofHours(30)), "pending");
        post("LinkedIn", "Just a draft", now.plus(Duration.ofHours(3)), "draft");
        post("LinkedIn", "Already out", now.minus(Duration.ofHours(3)), "complete");

        String digest = channelDigestAt(now);

        String upcoming = section(digest, "*Going out in the next 24 hours*");
        assertTrue(upcoming.contains("*Going out in the next 24 hours*: 12 posts"), upcoming);
        long epoch = Instant.parse(first.get("StartDateTime").asText().replace(' ', 'T') + "Z").getEpochSecond();
        assertTrue(upcoming.contains("• <!date^" + epoch + "^{date_short_pretty} at {time}|Mar 11 09:30 CET> · LinkedIn · "
                + "“Spring &lt;launch&gt; &amp; more second line”"), upcoming);
        assertTrue(upcoming.contains("· Twitter · “Queued one”"), upcoming);
        assertTrue(upcoming.contains("_and 2 more_"), upcoming);
        assertFalse(upcoming.contains("Later post 8"), "only the first ten are listed");
        assertFalse(digest.contains("Day after tomorrow"));
        assertFalse(digest.contains("Just a draft"));
        assertFalse(digest.contains("Already out"));
    }

    @Test
    void showsPostsThatFailedInTheLastDay() {
        Instant now = NINE_IN_BERLIN;
        post("Facebook", "Broken link post", now.minus(Duration.ofHours(3)), "error");
        post("LinkedIn", "Half sent", now.minus(Duration.ofHours(2)), "incomplete");
        post("LinkedIn", "Failed long ago", now.minus(Duration.ofHours(30)), "error");

        String failed = section(channelDigestAt(now), "*Failed in the last 24 hours*");

        assertTrue(failed.contains("*Failed in the last 24 hours*: 2 posts"), failed);
        assertTrue(failed.indexOf("Half sent") < failed.indexOf("Broken link post"), "newest failure first");
        assertTrue(failed.contains("· LinkedIn · partly failed · “Half sent”"), failed);
        assertTrue(failed.contains("· Facebook · failed · “Broken link post”"), failed);
        assertFalse(failed.contains("Failed long ago"));
    }

    @Test
    void showsStoriesNewOnTheBoards() {
        Instant now = NINE_IN_BERLIN;
        String board = id(oktopost.addBoard("Employee board"));
        story(board, "Fresh story", now.minus(Duration.ofHours(2)));
        story(board, "Old story", now.minus(Duration.ofDays(3)));
        story(board, "Draft story", now.minus(Duration.ofHours(1))).put("Status", "draft");
        story(board, "Archived story", now.minus(Duration.ofHours(1))).put("Status", "archived");
        story(board, "Scheduled story", now.plus(Duration.ofHours(5)));

        String stories = section(channelDigestAt(now), "*New on the advocacy board*");

        assertTrue(stories.contains("*New on the advocacy board*: 1 story\n• Fresh story · <!date^"), stories);
        assertFalse(stories.contains("Old story"));
        assertFalse(stories.contains("Draft story"));
        assertFalse(stories.contains("Archived story"), "archived stories are off the board, as stories treats them");
        assertFalse(stories.contains("Scheduled story"));
    }

    @Test
    void saysSoWhenThereIsNothingToReport() {
        oktopost.addBoard("Employee board");

        String digest = channelDigestAt(NINE_IN_BERLIN);

        assertTrue(digest.contains("Oktopost daily digest"), digest);
        assertTrue(digest.contains("Monday, 11 March 2024 · Europe/Berlin"), digest);
        assertTrue(digest.contains("Nothing is waiting for approval. :tada:"), digest);
        assertTrue(digest.contains("Nothing is scheduled for the next 24 hours."), digest);
        assertTrue(digest.contains("No post failed. :white_check_mark:"), digest);
        assertTrue(digest.contains("No new stories in the last 24 hours."), digest);
    }

    @Test
    void leavesStoriesOutWhenTheAccountHasNoBoard() {
        String digest = channelDigestAt(NINE_IN_BERLIN);

        assertFalse(digest.contains("advocacy board"), digest);
    }

    private String channelDigestAt(Instant now) {
        subscribeChannel(CHANNEL, "09:00", "Europe/Berlin");
        clock.at(now.plusSeconds(20));
        assertEquals(1, scheduler.sendDue());
        List<FakeSlack.Call> posted = digestsTo(CHANNEL);
        assertEquals(1, posted.size());
        assertTrue(posted.get(0).param("text").startsWith("Oktopost daily digest:"), posted.get(0).param("text"));
        return blockText(posted.get(0));
    }

    /** The block text that starts with {@code title}. */
    private static String section(String digest, String title) {
        for (String block : digest.split("\n(?=:)")) {
            if (block.contains(title)) {
                return block;
            }
        }
        throw new AssertionError("No section " + title + " in\n" + digest);
    }
}
