package com.oktoslack.approvals;

import com.oktoslack.webhooks.WebhookEvent;

import java.util.Optional;

/**
 * The item an approval event is about. Oktopost does not document the event's fields, so each reading is
 * tried: an explicit {@code EntityId}; the post, message or story nested in the event; a workflow item's
 * entity field; the event's own {@code Id} when the object is itself the post, message or story (its
 * {@code MessageId} then names the post's message, not the item); any entity field deeper down.
 */
final class EventIds {

    private static final String[] ENTITY_FIELDS = {"PostId", "MessageId", "StoryId"};

    private EventIds() {
    }

    static Optional<String> entityId(WebhookEvent event) {
        return event.field("EntityId")
                .or(() -> event.objectId("Post", "Message", "Story"))
                .or(() -> isWorkflowItem(event) ? event.field(ENTITY_FIELDS) : Optional.empty())
                .or(event::ownId)
                .or(() -> event.field(ENTITY_FIELDS))
                .or(() -> event.fieldAnywhere("EntityId", "PostId", "MessageId", "StoryId"));
    }

    static Optional<String> workflowId(WebhookEvent event) {
        return event.fieldAnywhere("WorkflowId");
    }

    /** A workflow item's own id is not the entity's: it has a step or workflow beside the entity field. */
    private static boolean isWorkflowItem(WebhookEvent event) {
        return event.has("StepId", "WorkflowId", "Status");
    }
}
