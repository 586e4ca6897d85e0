package com.oktoslack.health;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/** Counts Oktopost webhooks by how they were answered: a 2xx means verified and stored (or a known repeat). */
@ServerFilter("/oktopost/webhooks")
class WebhookMetricsFilter {

    private final MeterRegistry registry;

    WebhookMetricsFilter(MeterRegistry registry) {
        this.registry = registry;
    }

    @ResponseFilter
    void count(HttpResponse<?> response) {
        int status = response.code();
        Counter.builder("okto.webhooks").description("Oktopost webhook deliveries by outcome")
                .tag("outcome", status < 300 ? "accepted" : "refused")
                .tag("status", Integer.toString(status))
                .register(registry).increment();
    }
}
