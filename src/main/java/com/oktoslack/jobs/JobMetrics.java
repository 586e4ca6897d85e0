package com.oktoslack.jobs;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Queue depth, age of the oldest due job and failed jobs, per kind. One scrape reads the database once: the
 * gauges share a snapshot a few seconds old at most.
 */
@Singleton
class JobMetrics implements ApplicationEventListener<StartupEvent> {

    private static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final JobStatus status;
    private final MeterRegistry registry;
    private volatile Map<String, QueueDepth> snapshot = Map.of();
    private volatile Instant takenAt = Instant.EPOCH;

    JobMetrics(JobStatus status, MeterRegistry registry) {
        this.status = status;
        this.registry = registry;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        for (String kind : status.byKind(Instant.now()).keySet()) {
            gauge("okto.jobs.waiting", kind, null, "Jobs due or scheduled, all replicas", d -> d.waiting());
            gauge("okto.jobs.oldest", kind, "seconds", "How long the oldest due job has waited",
                    d -> d.oldest().toMillis() / 1000.0);
            gauge("okto.jobs.failed", kind, null, "Jobs that used up their attempts", d -> d.failed());
        }
    }

    private void gauge(String name, String kind, String unit, String description, ToDoubleFunction<QueueDepth> value) {
        Gauge.builder(name, this, m -> value.applyAsDouble(m.current().getOrDefault(kind, QueueDepth.EMPTY)))
                .tag("kind", kind).baseUnit(unit).description(description).register(registry);
    }

    private synchronized Map<String, QueueDepth> current() {
        Instant now = Instant.now();
        if (Duration.between(takenAt, now).compareTo(FRESH_FOR) > 0) {
            snapshot = status.byKind(now);
            takenAt = now;
        }
        return snapshot;
    }
}
