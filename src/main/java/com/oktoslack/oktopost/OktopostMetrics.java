package com.oktoslack.oktopost;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * Oktopost calls by endpoint (the request template, never an id or a credential) and status, and the day's
 * calls left in the budget shared by all replicas.
 */
@Singleton
class OktopostMetrics {

    private final MeterRegistry registry;
    private final OktopostHealth health;

    OktopostMetrics(MeterRegistry registry, OktopostHealth health, OktopostBudget budget) {
        this.registry = registry;
        this.health = health;
        Gauge.builder("oktopost.budget.remaining", budget, b -> b.status().remaining())
                .description("Oktopost calls left today for the account (all replicas)")
                .register(registry);
        Gauge.builder("oktopost.budget.blocked", budget, b -> b.status().blocked() ? 1 : 0)
                .description("1 while Oktopost blocks the account's calls after a breach")
                .register(registry);
    }

    void answered(String endpoint, int status) {
        health.answered(status);
        count(endpoint, Integer.toString(status));
    }

    /** No answer at all (timeout, refused connection), or one that could not be read. */
    void failed(String endpoint, String why) {
        count(endpoint, why);
    }

    private void count(String endpoint, String status) {
        Counter.builder("oktopost.calls").description("Oktopost API calls by endpoint and HTTP status")
                .tag("endpoint", endpoint).tag("status", status)
                .register(registry).increment();
    }
}
