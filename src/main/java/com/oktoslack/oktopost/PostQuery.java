package com.oktoslack.oktopost;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Set;

/**
 * Filters for {@code GET /post}. {@code order} is "field,direction" with field created, modified or
 * startDateTime and direction 1 ascending, 0 descending; {@code after} (inclusive) and {@code before}
 * (exclusive) apply to the order field. Count is 25, 50 or 100.
 */
public record PostQuery(@Nullable String campaignId,
                        @Nullable String messageId,
                        @Nullable String status,
                        @Nullable String createdBy,
                        @Nullable String order,
                        @Nullable Instant after,
                        @Nullable Instant before,
                        int page,
                        int count) {

    private static final Set<Integer> COUNTS = Set.of(25, 50, 100);

    public PostQuery {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more");
        }
        if (!COUNTS.contains(count)) {
            throw new IllegalArgumentException("count must be 25, 50 or 100");
        }
    }

    public static PostQuery all() {
        return new PostQuery(null, null, null, null, null, null, null, 0, 100);
    }

    /** Posts going out in [from, to), earliest first. */
    public static PostQuery scheduledBetween(Instant from, Instant to) {
        return all().orderBy("startDateTime,1").between(from, to);
    }

    public PostQuery withCampaignId(@Nullable String id) {
        return new PostQuery(id, messageId, status, createdBy, order, after, before, page, count);
    }

    public PostQuery withMessageId(@Nullable String id) {
        return new PostQuery(campaignId, id, status, createdBy, order, after, before, page, count);
    }

    public PostQuery withStatus(@Nullable String newStatus) {
        return new PostQuery(campaignId, messageId, newStatus, createdBy, order, after, before, page, count);
    }

    public PostQuery orderBy(@Nullable String newOrder) {
        return new PostQuery(campaignId, messageId, status, createdBy, newOrder, after, before, page, count);
    }

    public PostQuery between(@Nullable Instant from, @Nullable Instant to) {
        return new PostQuery(campaignId, messageId, status, createdBy, order, from, to, page, count);
    }

    public PostQuery withPage(int newPage) {
        return new PostQuery(campaignId, messageId, status, createdBy, order, after, before, newPage, count);
    }

    public PostQuery withCount(int newCount) {
        return new PostQuery(campaignId, messageId, status, createdBy, order, after, before, page, newCount);
    }
}
