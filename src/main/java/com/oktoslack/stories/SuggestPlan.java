package com.oktoslack.stories;

import io.micronaut.core.annotation.Nullable;

/**
 * A Slack message suggested as a story: created as a draft, or sent to approval when a workflow was picked.
 * {@code stage} is todo, sending (asked, answer lost: look for the story before asking again) or done.
 */
record SuggestPlan(String boardId,
                   String boardName,
                   String title,
                   String description,
                   String campaignId,
                   @Nullable String link,
                   @Nullable String workflowId,
                   @Nullable String workflowName,
                   String sourceChannel,
                   String sourceTs,
                   String stage,
                   @Nullable String storyId) {

    static final String TODO = "todo";
    static final String SENDING = "sending";
    static final String DONE = "done";

    SuggestPlan sending() {
        return new SuggestPlan(boardId, boardName, title, description, campaignId, link, workflowId, workflowName,
                sourceChannel, sourceTs, SENDING, storyId);
    }

    SuggestPlan done(@Nullable String createdStoryId) {
        return new SuggestPlan(boardId, boardName, title, description, campaignId, link, workflowId, workflowName,
                sourceChannel, sourceTs, DONE, createdStoryId);
    }
}
