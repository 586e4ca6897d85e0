package com.oktoslack.webhooks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("webhook_inbox")
record InboxEntry(@Id @GeneratedValue @Nullable Long id,
                  String dedupKey,
                  String eventType,
                  @Nullable String webhookId,
                  String payload,
                  Instant receivedAt,
                  String status,
                  int attempts,
                  Instant nextAttemptAt,
                  @Nullable String lastError,
                  @Nullable Instant processedAt) {

    static final String PENDING = "pending";
    static final String DONE = "done";
    static final String IGNORED = "ignored";
    static final String FAILED = "failed";

    /** A delivery that carried no {@code event} field: its webhook's type is not known yet. */
    static final String UNKNOWN_TYPE = "unknown";

    InboxEntry typed(String type) {
        return new InboxEntry(id, dedupKey, type, webhookId, payload, receivedAt, status, attempts, nextAttemptAt, lastError, processedAt);
    }

    InboxEntry retryAt(Instant next, int attempts, String status, String error) {
        return new InboxEntry(id, dedupKey, eventType, webhookId, payload, receivedAt, status, attempts, next, error, processedAt);
    }
}
