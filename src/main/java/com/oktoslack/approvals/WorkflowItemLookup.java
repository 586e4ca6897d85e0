package com.oktoslack.approvals;

import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.oktopost.Person;
import com.oktoslack.oktopost.WorkflowItem;
import com.oktoslack.oktopost.WorkflowItemPage;
import com.oktoslack.oktopost.WorkflowItemQuery;
import com.oktoslack.oktopost.WorkflowStep;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads workflow items from Oktopost's list, 1000 per call, with their steps and authors. A search for some
 * entities reads the first page and then from the last page backwards (newest items are likely there),
 * stopping once all are found, so a burst of new items costs one call in the common case.
 */
@Singleton
class WorkflowItemLookup {

    static final int MAX_PAGES = 20;

    /**
     * Items by entity id (the pending one where an entity has several), with authors and steps. When
     * {@code complete}, every page was read, so an entity missing here is in no workflow. {@code listed}, when
     * not null, holds the entity and item ids of every item in every workflow: the whole list was read, so
     * it answers for any id, asked for or not.
     */
    record Result(Map<String, WorkflowItem> items, Map<String, String> aliases, Map<String, Person> authors,
                  Map<String, WorkflowStep> steps, boolean complete, @Nullable Set<String> listed) {

        /** By entity id, or by workflow item id. */
        @Nullable
        WorkflowItem item(String id) {
            WorkflowItem item = items.get(id);
            return item != null ? item : items.get(aliases.getOrDefault(id, ""));
        }

        /** Both results' items; {@code later} answers for what both have. */
        static Result merge(Result earlier, Result later) {
            Map<String, WorkflowItem> items = new LinkedHashMap<>(earlier.items());
            items.putAll(later.items());
            Map<String, String> aliases = new HashMap<>(earlier.aliases());
            aliases.putAll(later.aliases());
            Map<String, Person> authors = new HashMap<>(earlier.authors());
            authors.putAll(later.authors());
            Map<String, WorkflowStep> steps = new HashMap<>(earlier.steps());
            steps.putAll(later.steps());
            return new Result(items, aliases, authors, steps, later.complete(),
                    later.listed() != null ? later.listed() : earlier.listed());
        }
    }

    private final Oktopost oktopost;

    WorkflowItemLookup(Oktopost oktopost) {
        this.oktopost = oktopost;
    }

    /** The items for these ids (entity ids, or workflow item ids, which are mapped to their entity). */
    Result find(Collection<String> ids, @Nullable String workflowIdOrNull, boolean withHistory) {
        Set<String> wanted = Set.copyOf(ids);
        Collector collector = new Collector(wanted);
        WorkflowItemQuery query = WorkflowItemQuery.inWorkflow(workflowIdOrNull).withHistory(withHistory);
        WorkflowItemPage first = oktopost.workflowItems(query);
        collector.add(first);
        int pages = pageCount(first.total(), query.count());
        for (int page = pages - 1; page >= 1 && !collector.foundAll() && pages - page < MAX_PAGES; page--) {
            collector.add(oktopost.workflowItems(query.withPage(page)));
        }
        boolean complete = pages <= MAX_PAGES && (pages == 1 || collector.pagesRead == pages);
        return collector.result(complete, complete && workflowIdOrNull == null && collector.pagesRead == pages);
    }

    /** Every item in every workflow, up to {@value #MAX_PAGES} pages. */
    Result all(boolean withHistory) {
        Collector collector = new Collector(null);
        WorkflowItemQuery query = WorkflowItemQuery.all().withHistory(withHistory);
        WorkflowItemPage first = oktopost.workflowItems(query);
        collector.add(first);
        int pages = pageCount(first.total(), query.count());
        for (int page = 1; page < Math.min(pages, MAX_PAGES); page++) {
            WorkflowItemPage next = oktopost.workflowItems(query.withPage(page));
            collector.add(next);
            if (next.items().size() < query.count()) {
                break;
            }
        }
        return collector.result(pages <= MAX_PAGES, false);
    }

    private static int pageCount(int total, int perPage) {
        return Math.max(1, (total + perPage - 1) / perPage);
    }

    private static final class Collector {
        private final @Nullable Set<String> wanted;
        private final Map<String, WorkflowItem> items = new LinkedHashMap<>();
        private final Map<String, String> aliases = new HashMap<>();
        private final Map<String, Person> authors = new HashMap<>();
        private final Map<String, WorkflowStep> steps = new HashMap<>();
        private final List<String> found = new ArrayList<>();
        private final Set<String> seen = new HashSet<>();
        private int pagesRead;

        Collector(@Nullable Set<String> wanted) {
            this.wanted = wanted;
        }

        void add(WorkflowItemPage page) {
            pagesRead++;
            authors.putAll(page.authors());
            steps.putAll(page.steps());
            for (WorkflowItem item : page.items()) {
                String entityId = item.entityId();
                if (entityId == null) {
                    continue;
                }
                seen.add(entityId);
                seen.add(item.id());
                boolean asked = wanted == null || wanted.contains(entityId) || wanted.contains(item.id());
                if (!asked) {
                    continue;
                }
                items.merge(entityId, item, Collector::preferred);
                if (wanted != null && wanted.contains(item.id())) {
                    aliases.put(item.id(), entityId);
                }
                // A settled item may be an older round: only a pending one ends the search early.
                if (wanted != null && item.isPending()) {
                    found.add(entityId);
                    if (wanted.contains(item.id())) {
                        found.add(item.id());
                    }
                }
            }
        }

        boolean foundAll() {
            return wanted != null && found.containsAll(wanted);
        }

        Result result(boolean complete, boolean wholeList) {
            return new Result(Map.copyOf(items), Map.copyOf(aliases), Map.copyOf(authors), Map.copyOf(steps),
                    complete || foundAll(), wholeList ? Set.copyOf(seen) : null);
        }

        /** An entity sent to approval again has an older, settled item too: the pending or newest one counts. */
        private static WorkflowItem preferred(WorkflowItem a, WorkflowItem b) {
            if (a.isPending() != b.isPending()) {
                return a.isPending() ? a : b;
            }
            Instant aAt = a.modifiedAt() != null ? a.modifiedAt() : a.createdAt();
            Instant bAt = b.modifiedAt() != null ? b.modifiedAt() : b.createdAt();
            if (aAt == null || bAt == null) {
                return b;
            }
            return bAt.isBefore(aAt) ? a : b;
        }
    }
}
