package com.oktoslack.stories;

import com.oktoslack.jobs.JobStatus;
import com.oktoslack.jobs.QueueDepth;
import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.slack.ChannelRoutes;
import com.oktoslack.testing.AppTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An announcement Slack keeps refusing in passing is tried as often as the settings say, then kept as failed. */
@MicronautTest(transactional = false)
class StoryAnnouncementRetryTest extends AppTestBase {

    static final String CHANNEL = "C0STORIES";

    @Inject
    Oktopost facade;
    @Inject
    ChannelRoutes routes;
    @Inject
    AnnouncementRepository announcements;
    @Inject
    StoryAnnouncer announcer;
    @Inject
    JobStatus status;

    @Override
    protected Map<String, String> extraProperties() {
        // No wait between tries, so each run of the announcer is the next attempt.
        return Map.of("okto.stories.sweep-every", "1h", "okto.stories.retry.attempts", "3",
                "okto.stories.retry.first", "0s", "okto.stories.retry.max", "0s");
    }

    @Test
    void aStorySlackKeepsRefusingIsGivenUpAfterItsAttemptsNotRetriedForEver() throws Exception {
        StoryWorld world = new StoryWorld(oktopost, slack);
        routes.set(ChannelRoutes.STORIES, CHANNEL, "New advocacy stories", "U0ADMIN");
        slack.on("chat.postMessage", call -> Map.of("ok", false, "error", "internal_error"));
        announcer.enqueue(List.of(new StoryRef(world.storyId, world.boardId)));

        for (int run = 0; run < 3; run++) {
            assertThrows(IllegalStateException.class, announcer::announceDue);
        }
        Announcement row = announcements.findByStoryIdAndChannelId(world.storyId, CHANNEL).orElseThrow();
        assertEquals(Announcement.FAILED, row.status());
        assertTrue(row.note().contains("Slack: internal_error"), row.note());
        assertEquals(3, row.attempts());

        for (int run = 0; run < 3; run++) {
            announcer.run();
        }
        assertEquals(3, slack.calls("chat.postMessage").size(), "no try after the last attempt");
        QueueDepth depth = status.byKind(Instant.now()).get(StoryAnnouncer.KIND);
        assertEquals(new QueueDepth(0, java.time.Duration.ZERO, 1), depth);
    }
}
