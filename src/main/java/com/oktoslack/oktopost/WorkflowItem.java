package com.oktoslack.oktopost;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * A post, message or story waiting in (or gone through) an approval workflow. Oktopost names the entity
 * with whichever of PostId, MessageId, StoryId or EntityId applies; {@link #entityId()} picks it.
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

    /** "post", "message", "story" or "unknown", by which id Oktopost filled in. */
    public String entityType() {
        if (present(postId)) {
            return "post";
        }
        if (present(messageId)) {
            return "message";
        }
        if (present(storyId)) {
            return "story";
        }
        return "unknown";
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

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
