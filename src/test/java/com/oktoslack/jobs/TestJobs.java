package com.oktoslack.jobs;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Jobs for {@link JobEngineTest} only; they record into statics, so that two app instances share the record. */
final class TestJobs {

    record Work(String id) {
    }

    /** Which instance ran each id, in order. */
    static final Map<String, List<String>> RUNS = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> FAILURES_LEFT = new ConcurrentHashMap<>();
    static final List<String> EXHAUSTED = new CopyOnWriteArrayList<>();
    static final AtomicInteger SWEEPS = new AtomicInteger();
    static volatile CountDownLatch holdOnA = new CountDownLatch(0);
    static volatile CountDownLatch startedOnA = new CountDownLatch(1);

    private TestJobs() {
    }

    static int runs(String id) {
        return RUNS.getOrDefault(id, List.of()).size();
    }

    @Singleton
    @Requires(property = "jobs-test.instance")
    static class Once implements DelayedJob<Work> {
        final String instance;

        Once(@Value("${jobs-test.instance}") String instance) {
            this.instance = instance;
        }

        @Override
        public String kind() {
            return "test.once";
        }

        @Override
        public Class<Work> dataType() {
            return Work.class;
        }

        @Override
        public Retry retry() {
            return new Retry(5, Duration.ofMillis(50), Duration.ofMillis(200));
        }

        @Override
        public void run(Work work) throws Exception {
            AtomicInteger failuresLeft = FAILURES_LEFT.get(work.id());
            if (failuresLeft != null && failuresLeft.getAndDecrement() > 0) {
                RUNS.computeIfAbsent(work.id(), id -> new CopyOnWriteArrayList<>()).add(instance + ":failed");
                throw new java.io.IOException("Oktopost did not answer");
            }
            RUNS.computeIfAbsent(work.id(), id -> new CopyOnWriteArrayList<>()).add(instance);
        }

        @Override
        public void exhausted(Work work, Exception last) {
            EXHAUSTED.add(work.id() + ": " + last.getMessage());
        }
    }

    /**
     * Held on instance A until the test lets go. Only A and B have this kind: the class's own app, on the same
     * database, must not take the job before A does.
     */
    @Singleton
    @Requires(property = "jobs-test.instance", pattern = "A|B")
    static class Held extends Once {

        Held(@Value("${jobs-test.instance}") String instance) {
            super(instance);
        }

        @Override
        public String kind() {
            return "test.held";
        }

        @Override
        public void run(Work work) throws Exception {
            if (instance.equals("A")) {
                startedOnA.countDown();
                holdOnA.await(30, TimeUnit.SECONDS);
            }
            super.run(work);
        }
    }

    @Singleton
    @Requires(property = "jobs-test.instance")
    static class Sweep implements RecurringJob {
        @Override
        public String kind() {
            return "test.sweep";
        }

        @Override
        public Duration every() {
            return Duration.ofHours(1);
        }

        @Override
        public void run() {
            SWEEPS.incrementAndGet();
        }
    }

    static final AtomicInteger SLOW_SWEEPS = new AtomicInteger();
    static volatile CountDownLatch slowSweepStarted = new CountDownLatch(0);
    static volatile CountDownLatch holdSlowSweep = new CountDownLatch(0);

    /** An hourly sweep a test can hold while it runs. */
    @Singleton
    @Requires(property = "jobs-test.instance")
    static class SlowSweep implements RecurringJob {
        @Override
        public String kind() {
            return "test.slow-sweep";
        }

        @Override
        public Duration every() {
            return Duration.ofHours(1);
        }

        @Override
        public void run() throws InterruptedException {
            SLOW_SWEEPS.incrementAndGet();
            slowSweepStarted.countDown();
            holdSlowSweep.await(20, TimeUnit.SECONDS);
        }
    }
}
