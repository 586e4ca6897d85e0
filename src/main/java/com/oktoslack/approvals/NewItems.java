package com.oktoslack.approvals;

import com.oktoslack.oktopost.WorkflowItem;
import com.oktoslack.webhooks.WebhookEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code newApprovalItem} events: the items are read from Oktopost together (one list call for the whole
 * batch in the common case, then their content), stored with their due cards, and posting starts. An item
 * already known and pending is a repeated event and costs nothing; so does one a moment-old read of the
 * whole list did not show.
 */
@Singleton
class NewItems {

    /** Oktopost may list a new item a moment after telling us about it. */
    static final Duration LISTING_GRACE = Duration.ofMinutes(2);

    /**
     * A read of the whole list answers for every event received before it started, for this long: ids Oktopost
     * does not know (even thousands of them) are settled by one read, not one per batch. Retries come later
     * than this, so they see a newer read.
     */
    static final Duration REUSE_WHOLE_LIST_FOR = Duration.ofSeconds(5);

    /** The entity and item ids of every listed item, as read from {@code startedAt}. */
    private record WholeList(Set<String> ids, Instant startedAt) {
    }

    /** Some items were not listed yet; the worker hands the events over again later. */
    static final class NotListedYet extends Exception {
        NotListedYet(Set<String> ids) {
            super("Not yet listed by Oktopost: " + (ids.size() <= 10 ? ids
                    : ids.size() + " items, e.g. " + ids.stream().limit(10).toList()));
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(NewItems.class);

    private final ApprovalItemRepository items;
    private final WorkflowItemLookup scan;
    private final ContentLoader content;
    private final StepCatalog catalog;
    private final ApprovalStates states;
    private final CardPublisher publisher;
    private final Clock clock;
    private volatile WholeList lastWholeList;

    NewItems(ApprovalItemRepository items, WorkflowItemLookup scan, ContentLoader content, StepCatalog catalog,
             ApprovalStates states, CardPublisher publisher, Clock clock) {
        this.items = items;
        this.scan = scan;
        this.content = content;
        this.catalog = catalog;
        this.states = states;
        this.publisher = publisher;
        this.clock = clock;
    }

    synchronized void track(List<WebhookEvent> events) throws NotListedYet {
        Map<String, WebhookEvent> byId = new LinkedHashMap<>();
        for (WebhookEvent event : events) {
            Optional<String> id = EventIds.entityId(event);
            if (id.isEmpty()) {
                LOG.warn("A newApprovalItem event (inbox {}) names no item; it is ignored", event.inboxId());
                continue;
            }
            byId.putIfAbsent(id.get(), event);
        }
        items.findByEntityIdIn(byId.keySet()).stream().filter(ApprovalItem::isPending)
                .forEach(known -> byId.remove(known.entityId()));
        if (byId.isEmpty()) {
            return;
        }
        Map<String, WebhookEvent> received = new LinkedHashMap<>(byId);
        Set<String> unlisted = unlistedByLastRead(byId);
        unlisted.forEach(byId::remove);
        WorkflowItemLookup.Result found = new WorkflowItemLookup.Result(Map.of(), Map.of(), Map.of(), Map.of(), true, null);
        Set<String> missing = new LinkedHashSet<>();
        if (!byId.isEmpty()) {
            Set<String> workflows = new HashSet<>();
            byId.values().forEach(e -> workflows.add(EventIds.workflowId(e).orElse(null)));
            String onlyWorkflow = workflows.size() == 1 ? workflows.iterator().next() : null;
            Instant started = clock.instant();
            found = scan.find(byId.keySet(), onlyWorkflow, false);
            missing = missing(byId.keySet(), found);
            if (!missing.isEmpty() && onlyWorkflow != null) {
                started = clock.instant();
                found = WorkflowItemLookup.Result.merge(found, scan.find(missing, null, false));
                missing = missing(byId.keySet(), found);
            }
            if (found.listed() != null) {
                lastWholeList = new WholeList(found.listed(), started);
            }
        }
        missing.addAll(unlisted);
        Map<String, WorkflowItem> pending = new LinkedHashMap<>();
        for (String id : byId.keySet()) {
            WorkflowItem item = found.item(id);
            if (item != null && item.isPending()) {
                pending.putIfAbsent(item.entityId(), item);
            } else if (item != null) {
                LOG.info("Item {} is already {} in Oktopost; no card for it", id, item.status());
            }
        }
        if (!pending.isEmpty()) {
            Map<String, CardContent> contents = content.load(pending.values(), found.authors());
            List<NewItem> newItems = new ArrayList<>();
            for (WorkflowItem item : pending.values()) {
                String workflowId = item.workflowId() == null ? "" : item.workflowId();
                String stepId = item.stepId() == null ? "" : item.stepId();
                StepInfo step = catalog.step(workflowId, stepId, found.steps().get(stepId));
                newItems.add(new NewItem(item.entityId(), item.entityType(), workflowId, step,
                        contents.get(item.entityId()), item.createdBy()));
            }
            states.track(newItems);
            publisher.kick();
        }
        Instant graceStart = clock.instant().minus(LISTING_GRACE);
        Set<String> waitFor = new LinkedHashSet<>();
        List<String> gone = new ArrayList<>();
        for (String id : missing) {
            if (received.get(id).receivedAt().isAfter(graceStart)) {
                waitFor.add(id);
            } else {
                gone.add(id);
            }
        }
        if (!gone.isEmpty()) {
            LOG.info("{} item(s) are in no Oktopost workflow (removed before their cards went out, or unknown): {}",
                    gone.size(), gone.size() <= 10 ? gone : gone.subList(0, 10) + "…");
        }
        if (!waitFor.isEmpty()) {
            throw new NotListedYet(waitFor);
        }
    }

    /** The ids a recent read of the whole list, made after their events came, did not show. */
    private Set<String> unlistedByLastRead(Map<String, WebhookEvent> byId) {
        WholeList last = lastWholeList;
        Set<String> unlisted = new LinkedHashSet<>();
        if (last == null || last.startedAt().isBefore(clock.instant().minus(REUSE_WHOLE_LIST_FOR))) {
            return unlisted;
        }
        byId.forEach((id, event) -> {
            if (event.receivedAt().isBefore(last.startedAt()) && !last.ids().contains(id)) {
                unlisted.add(id);
            }
        });
        return unlisted;
    }

    private static Set<String> missing(Set<String> ids, WorkflowItemLookup.Result found) {
        Set<String> missing = new LinkedHashSet<>();
        ids.stream().filter(id -> found.item(id) == null).forEach(missing::add);
        return missing;
    }
}
