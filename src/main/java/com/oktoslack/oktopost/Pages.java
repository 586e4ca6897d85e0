package com.oktoslack.oktopost;

import com.oktoslack.oktopost.Replies.ListReply;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Walks a paged Oktopost list to its end, with a cap so a runaway total cannot drain the daily budget. */
final class Pages {

    private Pages() {
    }

    static <T> List<T> all(IntFunction<ListReply<T>> pageFetcher, int pageSize, int maxPages) {
        List<T> all = new ArrayList<>();
        for (int page = 0; page < maxPages; page++) {
            ListReply<T> reply = pageFetcher.apply(page);
            List<T> items = reply.itemsOrEmpty();
            all.addAll(items);
            if (items.size() < pageSize || all.size() >= reply.totalOr(Integer.MAX_VALUE)) {
                break;
            }
        }
        return List.copyOf(all);
    }
}
