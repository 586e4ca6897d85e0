package com.oktoslack.stories;

import com.oktoslack.jobs.QueueDepth;
import com.oktoslack.jobs.WorkQueue;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;

/** Story announcements due (or waiting for their publish date) or being posted, and those given up. */
@Singleton
class AnnouncementQueue implements WorkQueue {

    private final AnnouncementRepository announcements;

    AnnouncementQueue(AnnouncementRepository announcements) {
        this.announcements = announcements;
    }

    @Override
    public String kind() {
        return StoryAnnouncer.KIND;
    }

    @Override
    public QueueDepth depth(Instant now) {
        long waiting = announcements.countByStatusIs(Announcement.DUE) + announcements.countByStatusIs(Announcement.POSTING);
        Duration oldest = announcements.findOldestDue(now).map(a -> Duration.between(a.dueAt(), now)).orElse(Duration.ZERO);
        return new QueueDepth(waiting, oldest, announcements.countByStatusIs(Announcement.FAILED));
    }
}
