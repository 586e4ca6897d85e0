package com.oktoslack.health;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * Prometheus metrics at {@code /metrics}. Ours rather than the management module's endpoint, which would
 * bring the other management endpoints and sit at /prometheus.
 */
@Controller("/metrics")
class MetricsController {

    /** Prometheus's text exposition format. */
    private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Get(produces = MediaType.TEXT_PLAIN)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<String> scrape() {
        return HttpResponse.ok(registry.scrape()).contentType(TEXT_FORMAT);
    }
}
