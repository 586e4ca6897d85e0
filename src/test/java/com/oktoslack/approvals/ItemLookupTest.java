package com.oktoslack.approvals;

import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.oktopost.WorkflowItem;
import com.oktoslack.oktopost.WorkflowItemPage;
import com.oktoslack.oktopost.WorkflowItemQuery;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Finding workflow items in Oktopost's paged list, without an app: the pages are given, the reads counted. */
class ItemLookupTest {

    private final Oktopost oktopost = mock(Oktopost.class);
    private final List<Integer> pagesRead = new ArrayList<>();
    private final WorkflowItemLookup lookup = new WorkflowItemLookup(oktopost);

    /** Oktopost's list as pages of {@link WorkflowItemQuery#MAX_COUNT}; page i holds {@code pages.get(i)}. */
    private void listing(int total, List<List<WorkflowItem>> pages) {
        when(oktopost.workflowItems(any())).thenAnswer(call -> {
            WorkflowItemQuery query = call.getArgument(0);
            pagesRead.add(query.page());
            return new WorkflowItemPage(pages.get(query.page()), total, Map.of(), Map.of());
        });
    }

    private static WorkflowItem item(String id, String postId, String status, String modified) {
        return new WorkflowItem(id, null, status, "step", "wf", null, postId, null, null, "2024-01-01 00:00:00",
                modified, null);
    }

    @Test
    void aPendingItemOnTheFirstPageEndsTheSearch() {
        listing(3000, List.of(List.of(item("i1", "004A", "pending", null)), List.of(), List.of()));

        WorkflowItemLookup.Result result = lookup.find(List.of("004A"), null, false);

        assertEquals("i1", result.item("004A").id());
        assertTrue(result.complete());
        assertEquals(List.of(0), pagesRead);
    }

    @Test
    void theNewestPagesAreReadFirstAndAWorkflowItemIdFindsItsEntity() {
        listing(3000, List.of(List.of(), List.of(), List.of(item("i9", "004B", "pending", null))));

        WorkflowItemLookup.Result result = lookup.find(List.of("i9"), null, false);

        assertEquals("004B", result.item("i9").entityId());
        assertEquals(List.of(0, 2), pagesRead, "the last page, where new items are, comes right after the first");
    }

    @Test
    void aPendingItemWinsOverAnOlderSettledRoundOfTheSameEntity() {
        listing(1, List.of(List.of(item("new", "004C", "pending", "2024-01-02 00:00:00"),
                item("old", "004C", "approved", "2024-03-01 00:00:00"))));

        assertEquals("new", lookup.find(List.of("004C"), null, false).item("004C").id());
    }

    @Test
    void ofTwoSettledRoundsTheNewestCounts() {
        listing(1, List.of(List.of(item("later", "004D", "rejected", "2024-03-01 00:00:00"),
                item("earlier", "004D", "approved", "2024-01-01 00:00:00"))));

        assertEquals("later", lookup.find(List.of("004D"), null, false).item("004D").id());
    }

    @Test
    void anEntityMissingFromAListReadWholeIsInNoWorkflow() {
        listing(2000, List.of(List.of(item("i1", "004A", "approved", null)), List.of(item("i2", "004B", "approved", null))));

        WorkflowItemLookup.Result result = lookup.find(List.of("004Z"), null, false);

        assertNull(result.item("004Z"));
        assertTrue(result.complete(), "every page was read");
        assertNotNull(result.listed());
        assertTrue(result.listed().containsAll(List.of("004A", "i2")));
    }

    @Test
    void aListLongerThanThePagesReadIsNotComplete() {
        int pages = WorkflowItemLookup.MAX_PAGES + 5;
        List<List<WorkflowItem>> empty = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            empty.add(List.of());
        }
        listing(pages * WorkflowItemQuery.MAX_COUNT, empty);

        WorkflowItemLookup.Result result = lookup.find(List.of("004Z"), null, false);

        assertFalse(result.complete(), "a missing item may be on a page never read");
        assertNull(result.listed());
        assertEquals(WorkflowItemLookup.MAX_PAGES, pagesRead.size());
    }
}
