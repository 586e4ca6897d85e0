package com.oktoslack.approvals;

import com.oktoslack.webhooks.WebhookEvent;
import com.oktoslack.webhooks.WebhookHandler;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Oktopost's approval events. New items get their cards; approved and rejected items get their cards
 * updated (an item Oktopost no longer lists takes its event's outcome). New items go first, so an item decided within the same batch ends up showing the decision.
 */
@Singleton
class ApprovalWebhooks implements WebhookHandler {

    static final String NEW_ITEM = "newApprovalItem";
    static final String APPROVED = "approvalItemApproved";
    static final String REJECTED = "approvalItemRejected";

    private final NewItems newItems;
    private final Reconciler reconciler;

    ApprovalWebhooks(NewItems newItems, Reconciler reconciler) {
        this.newItems = newItems;
        this.reconciler = reconciler;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(NEW_ITEM, APPROVED, REJECTED);
    }

    @Override
    public void handle(List<WebhookEvent> events) throws Exception {
        List<WebhookEvent> created = events.stream().filter(e -> NEW_ITEM.equals(e.type())).toList();
        // The latest event about an item says how it was decided.
        Map<String, String> decided = new LinkedHashMap<>();
        events.stream().filter(e -> !NEW_ITEM.equals(e.type())).forEach(e -> EventIds.entityId(e).ifPresent(id ->
                decided.put(id, REJECTED.equals(e.type()) ? ApprovalItem.REJECTED : ApprovalItem.APPROVED)));
        NewItems.NotListedYet notYet = null;
        if (!created.isEmpty()) {
            try {
                newItems.track(created);
            } catch (NewItems.NotListedYet e) {
                notYet = e;
            }
        }
        if (!decided.isEmpty()) {
            reconciler.refresh(decided);
        }
        if (notYet != null) {
            throw notYet;
        }
    }
}
