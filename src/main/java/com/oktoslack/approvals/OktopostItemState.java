package com.oktoslack.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import com.oktoslack.oktopost.WorkflowItem;
import io.micronaut.core.annotation.Nullable;

import java.util.Locale;

/**
 * How Oktopost has an item now: its workflow item (null when it is in no workflow any more), the step it
 * waits in, and who acted last when the list carried the item's history.
 */
record OktopostItemState(String entityId, @Nullable WorkflowItem item, @Nullable StepInfo step, @Nullable Actor actor) {

    /** An Oktopost user and their note, from the item's history; Oktopost does not document its shape. */
    record Actor(@Nullable String oktopostUserId, @Nullable String note) {
    }

    static OktopostItemState removed(String entityId) {
        return new OktopostItemState(entityId, null, null, null);
    }

    /**
     * An item decided in Oktopost whose list no longer shows it as decided (gone from it, or in a status the
     * reference does not name): {@code outcome} is the approve or reject event's.
     */
    static OktopostItemState decided(String entityId, String outcome) {
        WorkflowItem gone = new WorkflowItem(entityId, null, outcome, null, null, null, null, null, entityId,
                null, null, null);
        return new OktopostItemState(entityId, gone, null, null);
    }

    static OktopostItemState decided(WorkflowItem seen, String outcome) {
        WorkflowItem settled = new WorkflowItem(seen.id(), seen.createdBy(), outcome, seen.stepId(), seen.workflowId(),
                seen.messageId(), seen.postId(), seen.storyId(), seen.declaredEntityId(), seen.created(), seen.modified(),
                seen.history());
        return of(settled, null);
    }

    /** Whether Oktopost's status is one of the two decisions. */
    static boolean isDecision(@Nullable String status) {
        return WorkflowItem.APPROVED.equalsIgnoreCase(status) || WorkflowItem.REJECTED.equalsIgnoreCase(status);
    }

    static OktopostItemState of(WorkflowItem item, @Nullable StepInfo step) {
        return new OktopostItemState(item.entityId(), item, step, lastActor(item.history()));
    }

    /** The latest approve or reject entry of the history, read tolerantly. */
    static @Nullable Actor lastActor(@Nullable JsonNode history) {
        if (history == null || !history.isArray()) {
            return null;
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            JsonNode entry = history.get(i);
            String action = text(entry, "Action", "Status", "Type").toLowerCase(Locale.ROOT);
            if (action.contains("approv") || action.contains("reject")) {
                String user = text(entry, "UserId", "UserID", "CreatedBy", "User");
                String note = text(entry, "Note", "Comment");
                return new Actor(user.isBlank() ? null : user, note.isBlank() ? null : note);
            }
        }
        return null;
    }

    private static String text(JsonNode entry, String... names) {
        for (String name : names) {
            JsonNode value = entry.get(name);
            if (value != null && value.isValueNode() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return "";
    }
}
