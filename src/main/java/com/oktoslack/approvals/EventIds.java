package com.oktoslack.approvals;

import com.oktoslack.webhooks.WebhookEvent;

import java.util.Optional;

/** The item an approval event is about; Oktopost does not document the event's fields, so several names are tried. */
final class EventIds {

    private EventIds() {
    }

    static Optional<String> entityId(WebhookEvent event) {
        return event.field("EntityId", "PostId", "MessageId", "StoryId", "Id");
    }

    static Optional<String> workflowId(WebhookEvent event) {
        return event.field("WorkflowId");
    }
}
