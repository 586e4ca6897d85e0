package com.oktoslack.approvals;

import com.oktoslack.oktopost.WorkflowItem;
import com.oktoslack.jobs.RecurringJob;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps cards in line with Oktopost when the change happened there: approved or rejected (the webhooks say
 * which items, and which way when Oktopost no longer lists them), or removed from the workflow (no webhook:
 * a scheduled read of the item list finds them).
 * Items are read from the list with their history, 1000 per call, and nothing is read when no card is open.
 * The scheduled read is the job {@value #KIND}.
 */
@Singleton
class Reconciler implements RecurringJob {

    static final String KIND = "approvals.reconcile";
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final ApprovalItemRepository items;
    private final WorkflowItemLookup scan;
    private final StepCatalog catalog;
    private final ApprovalStates states;
    private final CardPublisher publisher;
    private final Clock clock;
    /** {@code /okto pending} reads the list again only when the last full read is older than this. */
    private final Duration freshEnough;
    private final ReentrantLock reading = new ReentrantLock();
    private volatile Instant lastFullRead = Instant.EPOCH;
    private final Duration every;
    private final Duration firstRunAfter;

    Reconciler(ApprovalItemRepository items, WorkflowItemLookup scan, StepCatalog catalog, ApprovalStates states,
               CardPublisher publisher, Clock clock, ApprovalSettings settings) {
        this.every = settings.reconcileEvery();
        this.firstRunAfter = settings.reconcileDelay();
        this.items = items;
        this.scan = scan;
        this.catalog = catalog;
        this.states = states;
        this.publisher = publisher;
        this.clock = clock;
        this.freshEnough = settings.pendingFreshFor();
    }

    /**
     * After approvalItemApproved / approvalItemRejected: these items (entity id to the event's outcome,
     * {@link ApprovalItem#APPROVED} or {@link ApprovalItem#REJECTED}), where a card of theirs is open. Oktopost
     * lists only the items pending approval, so an item gone from the list takes its event's outcome.
     */
    void refresh(Map<String, String> outcomes) {
        reading.lock();
        try {
            List<ApprovalItem> open = items.findByEntityIdIn(outcomes.keySet()).stream().filter(ApprovalItem::isPending).toList();
            if (!open.isEmpty()) {
                apply(open, scan.find(open.stream().map(ApprovalItem::entityId).toList(), null, true), outcomes);
            }
        } finally {
            reading.unlock();
        }
    }

    /** Every open item, unless that was done a moment ago. */
    void refreshAllIfStale() {
        if (lastFullRead.isBefore(clock.instant().minus(freshEnough))) {
            refreshAll();
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Duration every() {
        return every;
    }

    @Override
    public Duration firstRunAfter() {
        return firstRunAfter;
    }

    @Override
    public void run() {
        reconcile();
    }

    void reconcile() {
        try {
            refreshAll();
        } catch (RuntimeException e) {
            LOG.warn("Approval cards will be checked against Oktopost on the next round: {}", e.toString());
        }
    }

    private void refreshAll() {
        reading.lock();
        try {
            List<ApprovalItem> open = items.findByStatus(ApprovalItem.PENDING);
            if (!open.isEmpty()) {
                apply(open, scan.all(true), Map.of());
            }
            lastFullRead = clock.instant();
        } finally {
            reading.unlock();
        }
    }

    private void apply(List<ApprovalItem> open, WorkflowItemLookup.Result found, Map<String, String> outcomes) {
        int changed = 0;
        for (ApprovalItem item : open) {
            WorkflowItem seen = found.item(item.entityId());
            String outcome = outcomes.get(item.entityId());
            OktopostItemState observation;
            if (seen == null) {
                if (!found.complete()) {
                    continue;
                }
                observation = outcome != null ? OktopostItemState.decided(item.entityId(), outcome)
                        : OktopostItemState.removed(item.entityId());
            } else if (outcome != null && !seen.isPending() && !OktopostItemState.isDecision(seen.status())) {
                // A settled status the reference does not name (e.g. sent back for revisions): the event says which.
                observation = OktopostItemState.decided(seen, outcome);
            } else {
                StepInfo step = seen.isPending() && seen.stepId() != null
                        ? catalog.step(seen.workflowId() == null ? item.workflowId() : seen.workflowId(), seen.stepId(),
                        found.steps().get(seen.stepId()))
                        : null;
                observation = OktopostItemState.of(seen, step);
            }
            if (states.observe(observation)) {
                changed++;
            }
        }
        if (changed > 0) {
            LOG.info("{} approval item(s) changed in Oktopost; updating their cards", changed);
            publisher.kick();
        }
    }
}
