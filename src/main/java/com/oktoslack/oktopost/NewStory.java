package com.oktoslack.oktopost;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * A story to add to a board. Title, description and campaign are required; without a board Oktopost uses
 * the oldest active one; with a workflow the story goes to approval.
 */
public record NewStory(@Nullable String boardId,
                       String title,
                       String description,
                       String campaignId,
                       @Nullable String link,
                       List<String> messageIds,
                       List<String> topicIds,
                       List<String> tagIds,
                       List<String> mediaIds,
                       @Nullable Instant publishAt,
                       @Nullable Instant expiresAt,
                       boolean isDraft,
                       boolean isFeatured,
                       @Nullable String workflowId) {

    public NewStory {
        messageIds = messageIds == null ? List.of() : List.copyOf(messageIds);
        topicIds = topicIds == null ? List.of() : List.copyOf(topicIds);
        tagIds = tagIds == null ? List.of() : List.copyOf(tagIds);
        mediaIds = mediaIds == null ? List.of() : List.copyOf(mediaIds);
    }

    public static NewStory of(@Nullable String boardId, String title, String description, String campaignId) {
        return new NewStory(boardId, title, description, campaignId, null, List.of(), List.of(), List.of(), List.of(),
                null, null, false, false, null);
    }

    public NewStory withLink(@Nullable String url) {
        return new NewStory(boardId, title, description, campaignId, url, messageIds, topicIds, tagIds, mediaIds,
                publishAt, expiresAt, isDraft, isFeatured, workflowId);
    }

    public NewStory withMessageIds(List<String> ids) {
        return new NewStory(boardId, title, description, campaignId, link, ids, topicIds, tagIds, mediaIds,
                publishAt, expiresAt, isDraft, isFeatured, workflowId);
    }

    public NewStory asDraft() {
        return new NewStory(boardId, title, description, campaignId, link, messageIds, topicIds, tagIds, mediaIds,
                publishAt, expiresAt, true, isFeatured, workflowId);
    }

    public NewStory toApproval(@Nullable String id) {
        return new NewStory(boardId, title, description, campaignId, link, messageIds, topicIds, tagIds, mediaIds,
                publishAt, expiresAt, isDraft, isFeatured, id);
    }
}
