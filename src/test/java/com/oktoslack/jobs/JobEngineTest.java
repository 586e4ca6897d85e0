package com.oktoslack.jobs;

import com.oktoslack.testing.AppTestBase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class JobEngineTest extends AppTestBase {

    @Inject
    Jobs jobs;
    @Inject
    JobStatus status;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("jobs-test.instance", "main");
    }

    @Test
    void aFailingJobIsTriedAgainUntilItSucceeds() {
        TestJobs.FAILURES_LEFT.put("flaky", new AtomicInteger(2));
        assertTrue(jobs.schedule("test.once", "flaky", new TestJobs.Work("flaky"), Instant.now()));

        until(() -> TestJobs.RUNS.getOrDefault("flaky", List.of()).contains("main"));
        assertEquals(List.of("main:failed", "main:failed", "main"), TestJobs.RUNS.get("flaky"));
        until(() -> !jobs.waiting("test.once", "flaky")); // removed once its run is recorded as done
        assertEquals(0, status.byKind(Instant.now()).get("test.once").failed());
    }

    @Test
    void aJobThatUsesUpItsAttemptsStaysVisibleAsFailed() {
        slack.addUser("UADMIN", "admin@example.com", "Ada Admin", "Europe/London", true);
        slack.addUser("UPLAIN", "plain@example.com", "Pat Plain", "Europe/London", false);
        TestJobs.FAILURES_LEFT.put("doomed", new AtomicInteger(100));
        jobs.schedule("test.once", "doomed", new TestJobs.Work("doomed"), Instant.now());

        until(() -> TestJobs.EXHAUSTED.contains("doomed: Oktopost did not answer"));
        assertEquals(5, TestJobs.runs("doomed"), "five attempts in all, as its Retry says");
        until(() -> status.byKind(Instant.now()).get("test.once").failed() == 1);

        slackRequests().slashCommand("UADMIN", "status", slack.responseUrl("status-admin"));
        String answer = slack.await("response_url", c -> "status-admin".equals(c.param("response_id")),
                Duration.ofSeconds(10)).param("text");
        assertTrue(answer.contains("`test.once`: 0 waiting, *1 failed*"), answer);

        slackRequests().slashCommand("UPLAIN", "status", slack.responseUrl("status-plain"));
        String refused = slack.await("response_url", c -> "status-plain".equals(c.param("response_id")),
                Duration.ofSeconds(10)).param("text");
        assertTrue(refused.contains("Only Slack workspace admins"), refused);

        until(() -> metrics().contains("okto_jobs_failed{kind=\"test.once\"} 1.0"));
        assertTrue(metrics().contains("okto_jobs_waiting{kind=\"test.once\"}"));
        assertTrue(metrics().contains("okto_jobs_oldest_seconds{kind=\"test.once\"}"));
    }

    private String metrics() {
        try {
            return java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/metrics")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aFutureJobWaitsAndIsCountedThenCanBeCancelled() {
        Instant later = Instant.now().plus(Duration.ofHours(2));
        assertTrue(jobs.schedule("test.once", "later", new TestJobs.Work("later"), later));
        assertFalse(jobs.schedule("test.once", "later", new TestJobs.Work("later"), later), "once per id");
        assertEquals(1, status.byKind(Instant.now()).get("test.once").waiting());
        assertTrue(jobs.cancel("test.once", "later"));
        assertFalse(jobs.waiting("test.once", "later"));
        assertEquals(0, TestJobs.runs("later"));
    }

    @Test
    void aNudgedSweepRunsAtOnceThoughItIsDueOnlyHourly() {
        until(() -> TestJobs.SWEEPS.get() >= 1); // its first run, at start-up
        int before = TestJobs.SWEEPS.get();
        jobs.nudge("test.sweep");
        until(() -> TestJobs.SWEEPS.get() > before);
    }

    @Test
    void aSweepAskedForLaterWhileItRunsRunsAgainThenNotAnHourLater() throws Exception {
        until(() -> TestJobs.SLOW_SWEEPS.get() >= 1); // its first run, at start-up
        TestJobs.holdSlowSweep = new CountDownLatch(1);
        TestJobs.slowSweepStarted = new CountDownLatch(1);
        jobs.nudge("test.slow-sweep");
        assertTrue(TestJobs.slowSweepStarted.await(10, TimeUnit.SECONDS));
        int during = TestJobs.SLOW_SWEEPS.get();

        jobs.nudgeAt("test.slow-sweep", Instant.now().plusSeconds(1));
        TestJobs.holdSlowSweep.countDown();

        until(() -> TestJobs.SLOW_SWEEPS.get() > during);
    }

    @Test
    void twoInstancesOnOneDatabaseRunEachJobOnce() {
        try (ApplicationContext second = instance("B")) {
            Jobs fromSecond = second.getBean(Jobs.class);
            for (int i = 0; i < 60; i++) {
                (i % 2 == 0 ? jobs : fromSecond).schedule("test.once", "pair-" + i, new TestJobs.Work("pair-" + i),
                        Instant.now());
            }
            until(() -> java.util.stream.IntStream.range(0, 60).allMatch(i -> TestJobs.runs("pair-" + i) > 0));
            for (int i = 0; i < 60; i++) {
                assertEquals(1, TestJobs.runs("pair-" + i), "pair-" + i + " ran " + TestJobs.RUNS.get("pair-" + i));
            }
        }
    }

    @Test
    void theJobOfAStoppedInstanceIsTakenOverByAnother() throws Exception {
        TestJobs.holdOnA = new CountDownLatch(1);
        TestJobs.startedOnA = new CountDownLatch(1);
        try (ApplicationContext first = instance("A")) {
            first.getBean(Jobs.class).schedule("test.held", "hold-1", new TestJobs.Work("hold-1"), Instant.now());
            assertTrue(TestJobs.startedOnA.await(10, TimeUnit.SECONDS));
            try (ApplicationContext second = instance("B")) {
                first.stop(); // mid-job: its heartbeats stop, and the job is left to the others
                until(() -> TestJobs.runs("hold-1") > 0);
            }
        } finally {
            TestJobs.holdOnA.countDown();
        }
        assertEquals(1, TestJobs.runs("hold-1"), "done once, by an instance still running: " + TestJobs.RUNS.get("hold-1"));
    }

    /** Another app on this class's database, without a server of its own. */
    private ApplicationContext instance(String name) {
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put("jobs-test.instance", name);
        properties.put("micronaut.server.port", "-1");
        return ApplicationContext.run(properties, Environment.TEST);
    }

    private static void until(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 20 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
