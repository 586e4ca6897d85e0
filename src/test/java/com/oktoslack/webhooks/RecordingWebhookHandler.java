package com.oktoslack.webhooks;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Records what the worker hands over; can be told to fail a number of times first. */
@Singleton
@Requires(property = "spec.name", value = "webhooks")
class RecordingWebhookHandler implements WebhookHandler {

    final List<WebhookEvent> handled = new CopyOnWriteArrayList<>();
    final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresToGo = new AtomicInteger();

    @Override
    public Set<String> eventTypes() {
        return Set.of("testItemCreated", "testItemApproved");
    }

    @Override
    public void handle(List<WebhookEvent> events) {
        if (failuresToGo.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("handler failure on purpose");
        }
        batchSizes.add(events.size());
        handled.addAll(events);
    }
}
