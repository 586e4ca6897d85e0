package com.oktoslack.oktopost;

import java.util.List;

/** What a walk through a paged list read, and whether it reached the list's end (so what it lacks is not there). */
public record Walk<T>(List<T> items, boolean complete) {

    public Walk {
        items = List.copyOf(items);
    }
}
