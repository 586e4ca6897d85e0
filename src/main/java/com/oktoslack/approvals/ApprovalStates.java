package com.oktoslack.approvals;

import com.oktoslack.history.DecisionHistory;
import com.oktoslack.oktopost.WorkflowItem;
import com.oktoslack.people.People;
import com.oktoslack.people.PersonLink;
import com.oktoslack.slack.ChannelRoutes;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every change to what an item is (status, step, content, version), each in one transaction with the cards it
 * makes due: a new item, a change seen in Oktopost, a decision made here. A change raises the item's version,
 * so its cards get updated. How the cards are delivered is not written here: {@link CardPublisher} and
 * {@link CardUpdater} claim and mark cards, and {@link CardUpdater} records the author's notice, each with one
 * conditional update of a row, which needs no transaction around it.
 */
@Singleton
class ApprovalStates {

    /** What a decision made in Slack did. */
    enum Outcome { APPLIED, PARTIAL, STALE }

    /** A decision taken by a Slack user on the item at a step ({@code intentId}: the stored decision). */
    record Claim(String intentId, String entityId, int round, String stepId, String slackUserId, boolean approve,
                 @Nullable String note) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalStates.class);

    private final ApprovalItemRepository items;
    private final ApprovalCardRepository cards;
    private final ApprovalDecisionRepository decisions;
    private final ApprovalDecisionIntentRepository intents;
    private final ChannelRoutes routes;
    private final People people;
    private final ItemJson json;
    private final Clock clock;
    private final DecisionHistory history;
    private final ApplicationEventPublisher<ApprovalItemChanged> changes;
    private final Set<String> unrouted = ConcurrentHashMap.newKeySet();

    ApprovalStates(ApprovalItemRepository items, ApprovalCardRepository cards, ApprovalDecisionRepository decisions,
                   ApprovalDecisionIntentRepository intents, ChannelRoutes routes, People people, ItemJson json,
                   Clock clock, DecisionHistory history, ApplicationEventPublisher<ApprovalItemChanged> changes) {
        this.items = items;
        this.cards = cards;
        this.decisions = decisions;
        this.intents = intents;
        this.routes = routes;
        this.people = people;
        this.json = json;
        this.clock = clock;
        this.history = history;
        this.changes = changes;
    }

    /** Stores new items (or a new round of one settled before) and makes their cards due; the number stored. */
    @Transactional
    int track(List<NewItem> newItems) {
        Instant now = clock.instant();
        int stored = 0;
        for (NewItem n : newItems) {
            Optional<ApprovalItem> existing = items.findById(n.entityId());
            if (existing.isPresent() && existing.get().isPending()) {
                continue;
            }
            int round = existing.map(i -> i.round() + 1).orElse(1);
            long version = existing.map(i -> i.version() + 1).orElse(1L);
            ApprovalItem item = new ApprovalItem(n.entityId(), round, n.entityType(), n.workflowId(), n.step().stepId(),
                    json.write(n.step()), ApprovalItem.approverIds(n.step()), ApprovalItem.PENDING, json.write(n.content()),
                    n.authorId(), null, null, ApprovalItem.NOTICE_NONE, version,
                    existing.map(ApprovalItem::createdAt).orElse(now), now);
            if (existing.isPresent()) {
                items.update(item);
            } else {
                items.save(item);
            }
            Optional<String> channel = routes.approvalsChannel(n.workflowId());
            if (channel.isPresent()) {
                cards.insertIfAbsent(n.entityId(), round, channel.get(), "", ApprovalCard.CHANNEL, now);
            } else if (unrouted.add(n.workflowId())) {
                LOG.warn("Workflow {} has no channel (/okto route or SLACK_APPROVALS_CHANNEL): its items get DMs only",
                        n.step().workflowName());
            }
            addDirectMessages(item, n.step(), now);
            changed(existing.orElse(item), item.entityId());
            stored++;
        }
        return stored;
    }

    /**
     * Brings a pending item in line with Oktopost; true when the cards have something new to show. While a
     * decision taken here is live, what it did is recorded by that decision.
     */
    @Transactional
    boolean observe(OktopostItemState seen) {
        Optional<ApprovalItem> found = items.findById(seen.entityId());
        if (found.isEmpty() || !found.get().isPending() || intents.countLive(seen.entityId()) > 0) {
            return false;
        }
        boolean applied = apply(found.get(), seen);
        if (applied) {
            changed(found.get(), seen.entityId());
        }
        return applied;
    }

    /** Records what the decision call did, and ends the stored decision, in one transaction. */
    @Transactional
    Outcome decided(Claim claim, WorkflowItem result, @Nullable StepInfo resultStep) {
        Optional<ApprovalItem> before = items.findById(claim.entityId());
        Outcome outcome = applyDecision(claim, result, resultStep);
        intents.finish(claim.intentId(), ApprovalDecisionIntent.DONE, outcome.name(), clock.instant());
        before.ifPresent(item -> changed(item, item.entityId()));
        return outcome;
    }

    /** Ends a stored decision that did not change the item (refused, gone, or never sent). */
    @Transactional
    void finish(ApprovalDecisionIntent intent, String status, String outcome) {
        intents.finish(intent.id(), status, outcome, clock.instant());
    }

    private Outcome applyDecision(Claim claim, WorkflowItem result, @Nullable StepInfo resultStep) {
        ApprovalItem item = items.findById(claim.entityId()).orElseThrow();
        if (!item.isPending() || item.round() != claim.round() || !item.stepId().equals(claim.stepId())) {
            return Outcome.STALE;
        }
        StepInfo step = json.step(item);
        String label = step.label();
        boolean sameStep = claim.stepId().equals(result.stepId());
        Instant now = clock.instant();
        if (claim.approve() && result.isPending() && sameStep) {
            record(item, label, ApprovalItem.APPROVED, claim.slackUserId(), null, null, ApprovalDecision.SLACK, now);
            items.update(changed(item, ApprovalItem.PENDING, step, item.authorNotice(), now));
            return Outcome.PARTIAL;
        }
        // Oktopost answers a stale stepId with the item as it is: only the outcome an approval of this very
        // step can have (the next step, or settled after the last) counts as this decision. Oktopost documents
        // only 'pending', so after our own call any other status means decided, unless it names the opposite.
        String status = result.status() == null ? "" : result.status().toLowerCase(Locale.ROOT);
        boolean settled = !result.isPending();
        boolean known = step.number() > 0;
        boolean toNextStep = result.isPending() && !sameStep
                && (!known || resultStep == null || resultStep.number() == 0 || resultStep.number() == step.number() + 1);
        boolean throughLastStep = settled && !WorkflowItem.REJECTED.equals(status) && (!known || step.isLast());
        boolean approvedOn = claim.approve() && (toNextStep || throughLastStep);
        boolean rejected = !claim.approve() && settled && !WorkflowItem.APPROVED.equals(status);
        if (!approvedOn && !rejected) {
            apply(item, OktopostItemState.of(result, resultStep));
            return Outcome.STALE;
        }
        record(item, label, rejected ? ApprovalItem.REJECTED : ApprovalItem.APPROVED, claim.slackUserId(), null,
                claim.note(), ApprovalDecision.SLACK, now);
        if (result.isPending()) {
            moveOn(item, resultStep, now);
        } else {
            items.update(changed(item, rejected ? ApprovalItem.REJECTED : ApprovalItem.APPROVED, step,
                    ApprovalItem.NOTICE_DUE, now));
        }
        return Outcome.APPLIED;
    }

    Optional<ApprovalItem> item(String entityId) {
        return items.findById(entityId);
    }

    CardState state(ApprovalItem item) {
        return new CardState(item.entityId(), item.round(), item.status(), json.content(item), json.step(item),
                decisions.findByEntityIdAndRoundOrderById(item.entityId(), item.round()), item.version());
    }

    // ----

    private boolean apply(ApprovalItem item, OktopostItemState seen) {
        Instant now = clock.instant();
        StepInfo step = json.step(item);
        WorkflowItem observed = seen.item();
        if (observed == null) {
            record(item, step.label(), ApprovalItem.REMOVED, null, null, null, ApprovalDecision.OKTOPOST, now);
            items.update(changed(item, ApprovalItem.REMOVED, step, ApprovalItem.NOTICE_NONE, now));
            return true;
        }
        String status = observed.status() == null ? "" : observed.status().toLowerCase(Locale.ROOT);
        OktopostItemState.Actor actor = seen.actor();
        String actorId = actor == null ? null : actor.oktopostUserId();
        String slackUserId = actorId == null ? null : people.byOktopostUser(actorId).map(PersonLink::slackUserId).orElse(null);
        String byName = actorId == null ? null : step.approverName(actorId);
        String note = actor == null ? null : actor.note();
        if (observed.isPending()) {
            if (item.stepId().equals(observed.stepId())) {
                return refreshApprovers(item, step, seen.step(), now);
            }
            record(item, step.label(), ApprovalItem.APPROVED, slackUserId, byName, note, ApprovalDecision.OKTOPOST, now);
            moveOn(item, seen.step(), now);
            return true;
        }
        if (!WorkflowItem.APPROVED.equals(status) && !WorkflowItem.REJECTED.equals(status)) {
            LOG.info("Item {} has status '{}' in Oktopost; its cards stay as they are", item.entityId(), observed.status());
            return false;
        }
        record(item, step.label(), status, slackUserId, byName, note, ApprovalDecision.OKTOPOST, now);
        items.update(changed(item, status, step, ApprovalItem.NOTICE_DUE, now));
        return true;
    }

    private void moveOn(ApprovalItem item, @Nullable StepInfo next, Instant now) {
        StepInfo step = next != null ? next : json.step(item);
        ApprovalItem moved = changed(item, ApprovalItem.PENDING, step, item.authorNotice(), now);
        items.update(moved);
        addDirectMessages(moved, step, now);
    }

    private boolean refreshApprovers(ApprovalItem item, StepInfo stored, @Nullable StepInfo seen, Instant now) {
        if (seen == null || Objects.equals(seen.approvers(), stored.approvers())) {
            return false;
        }
        ApprovalItem refreshed = changed(item, ApprovalItem.PENDING, seen, item.authorNotice(), now);
        items.update(refreshed);
        addDirectMessages(refreshed, seen, now);
        return true;
    }

    private void addDirectMessages(ApprovalItem item, StepInfo step, Instant now) {
        List<String> approverIds = step.approvers().stream().map(StepInfo.Approver::id).toList();
        for (PersonLink link : people.byOktopostUsers(approverIds)) {
            if (link.dmEnabled()) {
                cards.insertIfAbsent(item.entityId(), item.round(), link.slackUserId(), step.stepId(), ApprovalCard.DM, now);
            }
        }
    }

    private void record(ApprovalItem item, String stepLabel, String outcome, @Nullable String slackUserId,
                        @Nullable String byName, @Nullable String note, String source, Instant now) {
        decisions.save(new ApprovalDecision(null, item.entityId(), item.round(), item.stepId(), stepLabel, outcome,
                slackUserId, byName, note, source, now));
        CardContent content = json.content(item);
        history.record(new DecisionHistory.Decision(item.entityId(), item.round(), item.workflowId(),
                json.step(item).workflowName(), item.stepId(), stepLabel, content.what(), content.text(), outcome,
                slackUserId, byName, note, source, now));
    }

    /** Tells who sees the item (before the change and after it) that it changed. */
    private void changed(ApprovalItem before, String entityId) {
        Set<String> concerned = new java.util.LinkedHashSet<>(ApprovalQueue.concerned(before));
        items.findById(entityId).ifPresent(after -> concerned.addAll(ApprovalQueue.concerned(after)));
        changes.publishEvent(new ApprovalItemChanged(entityId, concerned));
    }

    private ApprovalItem changed(ApprovalItem item, String status, StepInfo step, String notice, Instant now) {
        return new ApprovalItem(item.entityId(), item.round(), item.entityType(), item.workflowId(), step.stepId(),
                json.write(step), ApprovalItem.approverIds(step), status, item.content(), item.authorId(), null, null,
                notice, item.version() + 1, item.createdAt(), now);
    }
}
