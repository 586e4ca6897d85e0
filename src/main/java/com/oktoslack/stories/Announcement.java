package com.oktoslack.stories;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A story's announcement in one channel: due, being posted, posted (with its ts) or skipped (with a note); once
 * posted, closing and then closed when the story has ended (expired or left the board), with the reason in ended.
 */
@MappedEntity("story_announcement")
record Announcement(@Id @GeneratedValue @Nullable Long id,
                    String storyId,
                    String channelId,
                    @Nullable String boardId,
                    String status,
                    Instant dueAt,
                    @Nullable Instant attemptedAt,
                    @Nullable String messageTs,
                    @Nullable String note,
                    Instant createdAt,
                    @Nullable String title,
                    @Nullable String linkUrl,
                    @Nullable Instant expiresAt,
                    @Nullable Instant checkedAt,
                    @Nullable String ended,
                    int attempts) {

    static final String DUE = "due";
    static final String POSTING = "posting";
    static final String POSTED = "posted";
    static final String SKIPPED = "skipped";
    /** Its attempts are used up; note says why. */
    static final String FAILED = "failed";
    static final String CLOSING = "closing";
    static final String CLOSED = "closed";

    static final String EXPIRED = "expired";
    static final String REMOVED = "removed";

    StoryRef ref() {
        return new StoryRef(storyId, boardId);
    }
}
