package com.oktoslack.digest;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What digests show, as Oktopost had it at {@code takenAt}: gathered in a handful of calls and shared by every
 * digest sent in the same minute.
 */
record DigestSnapshot(Instant takenAt,
                      List<WaitingItem> waiting,
                      PostList upcoming,
                      PostList failed,
                      @Nullable StoryList stories,
                      List<SentPost> sent) {

    /** One item waiting for approval, where it waits, since when, and who may decide on it. */
    record WaitingItem(@Nullable String entityId,
                       String workflowId,
                       String workflowName,
                       String stepId,
                       String stepName,
                       int stepNumber,
                       @Nullable Instant since,
                       Set<String> approverIds) {
    }

    /** The first posts of a list, in order, and how many there are in all. */
    record PostList(List<PostLine> shown, int total) {
    }

    /** {@code reason}: why a failed post failed, in Oktopost's words, when known. */
    record PostLine(Instant at, String network, String status, @Nullable String snippet, @Nullable String reason) {
    }

    /**
     * A post sent in the two days before the snapshot (enough for any time zone's yesterday) and the engagement a
     * list read gives with it: clicks, comments and likes.
     */
    record SentPost(Instant at, String network, @Nullable String snippet, int clicks, int comments, int likes) {
        int engagement() {
            return clicks + comments + likes;
        }
    }

    /** New stories, newest first; {@code more} when a board had more new stories than one page holds. */
    record StoryList(List<StoryLine> shown, boolean more) {
    }

    record StoryLine(String title, @Nullable String board, Instant at) {
    }
}
