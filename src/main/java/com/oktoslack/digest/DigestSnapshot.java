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
                      @Nullable StoryList stories) {

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

    record PostLine(Instant at, String network, String status, @Nullable String snippet) {
    }

    /** New stories, newest first; {@code more} when a board had more new stories than one page holds. */
    record StoryList(List<StoryLine> shown, boolean more) {
    }

    record StoryLine(String title, @Nullable String board, Instant at) {
    }
}
