package com.oktoslack.oktopost;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * A post, message or story waiting in (or gone through) an approval workflow. The reference and the SDK show
 * the entity under MessageId only, whatever it is; PostId, StoryId or EntityId may come too, and
 * {@link #entityId()} picks whichever is there.
 * {@code history} is only present when asked for and its shape is not documented, so it stays raw JSON.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record WorkflowItem(String id,
                           @Nullable String createdBy,
                           @Nullable String status,
                           @Nullable String stepId,
                           @Nullable String workflowId,
                           @Nullable String messageId,
                           @Nullable String postId,
                           @Nullable String storyId,
                           @JsonProperty("EntityId") @Nullable String declaredEntityId,
                           @Nullable String created,
                           @Nullable String modified,
                           @Nullable JsonNode history) {

    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";

    /** The id used to decide on or remove this item: the post's, message's or story's id. */
    public @Nullable String entityId() {
        if (present(postId)) {
            return postId;
        }
        if (present(messageId)) {
            return messageId;
        }
        if (present(storyId)) {
            return storyId;
        }
        return present(declaredEntityId) ? declaredEntityId : null;
    }

    /** "post", "message", "story" or "unknown", by which id Oktopost filled in (and, for MessageId, its shape). */
    public String entityType() {
        if (present(postId)) {
            return "post";
        }
        if (present(storyId)) {
            return "story";
        }
        if (present(messageId)) {
            return kindOf(messageId);
        }
        return present(declaredEntityId) ? kindOf(declaredEntityId) : "unknown";
    }

    /**
     * Oktopost's ids start with their type (004 posts, 005 messages, 0AS stories, as in every example of the
     * reference); MessageId may name a post or story, so its prefix says which.
     */
    static String kindOf(String entityId) {
        if (entityId.startsWith("004")) {
            return "post";
        }
        if (entityId.startsWith("0AS")) {
            return "story";
        }
        return "message";
    }

    public boolean isPending() {
        return PENDING.equalsIgnoreCase(status);
    }

    public @Nullable Instant createdAt() {
        return OktopostDates.parse(created);
    }

    public @Nullable Instant modifiedAt() {
        return OktopostDates.parse(modified);
    }

    /**
     * Since when the item waits, as far as Oktopost says: its Created or Modified date, else the newest dated
     * entry of its history (when asked for); null when none is there, as in the fields the reference shows.
     */
    public @Nullable Instant waitingSince() {
        Instant since = createdAt() != null ? createdAt() : modifiedAt();
        if (since != null || history == null || !history.isArray()) {
            return since;
        }
        Instant newest = null;
        for (JsonNode entry : history) {
            Instant at = OktopostDates.parse(entry.path("Created").asText(null));
            if (at != null && (newest == null || at.isAfter(newest))) {
                newest = at;
            }
        }
        return newest;
    }

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
