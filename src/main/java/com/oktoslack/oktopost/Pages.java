package com.oktoslack.oktopost;

import com.oktoslack.oktopost.Envelopes.ListReply;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * The one walker of Oktopost's paged lists. Every list pages (ids= lists too), so a read goes on to the next
 * page until the list ends (a short page, or {@code Total} reached), the caller has what it wants, or the cap
 * is hit: a runaway total cannot drain the daily budget.
 */
final class Pages {

    /** The total of a page whose list did not say it. */
    static final int UNKNOWN_TOTAL = Integer.MAX_VALUE;

    private Pages() {
    }

    /** Every item of a {@code _page}/{@code _count} list, up to {@code maxPages} pages. */
    static <T> List<T> all(IntFunction<ListReply<T>> fetcher, int pageSize, int maxPages) {
        return walk(page -> asPage(fetcher.apply(page)), 0, pageSize, maxPages, found -> false).items();
    }

    /**
     * Pages from {@code firstPage} on, until the list ends, {@code enough} says so after a page, or
     * {@code maxPages} pages were read.
     */
    static <T> Walk<T> walk(IntFunction<Page<T>> fetcher, int firstPage, int pageSize, int maxPages,
                            Predicate<List<T>> enough) {
        List<T> all = new ArrayList<>();
        for (int page = firstPage; page < firstPage + maxPages; page++) {
            Page<T> one = fetcher.apply(page);
            all.addAll(one.items());
            // A page shorter than asked ends the list only when there is no Total to go by: Oktopost may keep
            // to a smaller page than the count asked for.
            boolean ended = one.items().isEmpty() || firstPage * pageSize + all.size() >= one.total()
                    || (one.total() == UNKNOWN_TOTAL && one.items().size() < pageSize);
            if (ended) {
                return new Walk<>(all, true);
            }
            if (enough.test(all)) {
                return new Walk<>(all, false);
            }
        }
        return new Walk<>(all, false);
    }

    static <T> Page<T> asPage(ListReply<T> reply) {
        List<T> items = reply.itemsOrEmpty();
        return new Page<>(items, reply.totalOr(UNKNOWN_TOTAL));
    }
}
