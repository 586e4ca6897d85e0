package com.oktoslack.media;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One Slack file lent to Oktopost for one submission ({@code batchId}); see V16__media_from_slack.sql. */
@MappedEntity("media_upload")
record MediaUpload(@Id String tokenHash,
                   String batchId,
                   int position,
                   String slackFileId,
                   String sourceUrl,
                   String name,
                   String mimeType,
                   long size,
                   @Nullable String uploadId,
                   @Nullable String mediaId,
                   String status,
                   @Nullable String error,
                   Instant expiresAt,
                   Instant createdAt) {

    static final String UPLOADING = "uploading";
    static final String COMPLETE = "complete";
    static final String FAILED = "failed";

    boolean complete() {
        return COMPLETE.equals(status);
    }

    boolean failed() {
        return FAILED.equals(status);
    }

    boolean video() {
        return mimeType.startsWith("video/");
    }
}
