package com.oktoslack.oktopost;

import java.util.List;

/** One page of a list and the total Oktopost reports across all pages. */
public record Page<T>(List<T> items, int total) {

    public Page {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
