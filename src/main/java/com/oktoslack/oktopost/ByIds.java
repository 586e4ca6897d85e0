package com.oktoslack.oktopost;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What Oktopost answered for a set of ids: the ones it returned, and the ones it says it has not, which may
 * also be ones the API user is not allowed to see (Oktopost answers 404 for both).
 */
public record ByIds<T>(Map<String, T> found, Set<String> notFound) {

    public ByIds {
        found = Collections.unmodifiableMap(new LinkedHashMap<>(found));
        notFound = Collections.unmodifiableSet(new LinkedHashSet<>(notFound));
    }
}
