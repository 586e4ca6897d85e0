package com.oktoslack.digest;

import com.oktoslack.jobs.Jobs;
import com.oktoslack.testing.FakeOktopost;
import com.oktoslack.testing.FakeSlack;
import com.oktoslack.testing.MovableClock;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Processes that stop, start again, or run side by side on one SQLite file still send one digest a day. */
class DigestRestartTest {

    private static final Instant LONG_AGO = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void aRestartNeitherRepeatsNorLosesTheDaysDigest() {
        String database = "jdbc:sqlite:target/test-db/digest-restart-" + UUID.randomUUID() + ".db";
        try (FakeOktopost oktopost = FakeOktopost.start(); FakeSlack slack = FakeSlack.start()) {
            try (EmbeddedServer first = start(database, oktopost, slack, "2024-03-11T07:00:00Z", "1h")) {
                DigestSubscriptionRepository repository = first.getApplicationContext().getBean(DigestSubscriptionRepository.class);
                repository.upsert("channel:C0MORNING", "channel", "C0MORNING", "09:00", "Europe/Berlin", "U1", LONG_AGO);
                repository.upsert("channel:C0LATER", "channel", "C0LATER", "10:00", "Europe/Berlin", "U1", LONG_AGO);
                first.getApplicationContext().getBean(MovableClock.class).at("2024-03-11T08:00:30Z");
                assertEquals(1, first.getApplicationContext().getBean(DigestScheduler.class).sendDue());
            }
            assertEquals(1, postsTo(slack, "C0MORNING"));

            // Down from 09:00 to 11:30 Berlin time: 10:00 was missed. The scheduled ticks of the new process catch up.
            try (EmbeddedServer second = start(database, oktopost, slack, "2024-03-11T10:30:00Z", "100ms")) {
                slack.await("chat.postMessage", c -> "C0LATER".equals(c.param("channel")), Duration.ofSeconds(20));
                assertEquals(1, postsTo(slack, "C0MORNING"), "the morning digest is not sent again");

                second.getApplicationContext().getBean(MovableClock.class).at("2024-03-12T09:00:30Z");
                slack.await("chat.postMessage", c -> postsTo(slack, "C0LATER") == 2 && postsTo(slack, "C0MORNING") == 2,
                        Duration.ofSeconds(20));
            }
            assertEquals(2, postsTo(slack, "C0MORNING"), "the next day's, once");
            assertEquals(2, postsTo(slack, "C0LATER"));
        }
    }

    @Test
    void twoProcessesTickingTogetherSendOnce() throws Exception {
        String database = "jdbc:sqlite:target/test-db/digest-race-" + UUID.randomUUID() + ".db";
        try (FakeOktopost oktopost = FakeOktopost.start(); FakeSlack slack = FakeSlack.start();
             EmbeddedServer one = start(database, oktopost, slack, "2024-03-11T08:00:30Z", "1h");
             EmbeddedServer two = start(database, oktopost, slack, "2024-03-11T08:00:30Z", "1h")) {
            one.getApplicationContext().getBean(DigestSubscriptionRepository.class)
                    .upsert("channel:C0RACE", "channel", "C0RACE", "09:00", "Europe/Berlin", "U1", LONG_AGO);
            CyclicBarrier together = new CyclicBarrier(2);
            List<CompletableFuture<Integer>> ticks = List.of(one, two).stream()
                    .map(server -> CompletableFuture.supplyAsync(() -> {
                        await(together);
                        return server.getApplicationContext().getBean(DigestScheduler.class).sendDue();
                    }))
                    .toList();

            int sent = ticks.stream().mapToInt(CompletableFuture::join).sum();

            assertEquals(1, sent);
            assertEquals(1, postsTo(slack, "C0RACE"));
        }
    }

    @Test
    void aDigestDueWhileTwoInstancesRunIsSentOnceByTheirJobs() {
        String database = "jdbc:sqlite:target/test-db/digest-pair-" + UUID.randomUUID() + ".db";
        try (FakeOktopost oktopost = FakeOktopost.start(); FakeSlack slack = FakeSlack.start();
             EmbeddedServer one = start(database, oktopost, slack, "2024-03-11T08:00:30Z", "1h");
             EmbeddedServer two = start(database, oktopost, slack, "2024-03-11T08:00:30Z", "1h")) {
            one.getApplicationContext().getBean(DigestSubscriptionRepository.class)
                    .upsert("channel:C0PAIR", "channel", "C0PAIR", "09:00", "Europe/Berlin", "U1", LONG_AGO);
            for (EmbeddedServer server : List.of(one, two)) {
                server.getApplicationContext().getBean(Jobs.class).nudge(DigestScheduler.KIND);
            }

            slack.await("chat.postMessage", c -> "C0PAIR".equals(c.param("channel")), Duration.ofSeconds(20));
            for (EmbeddedServer server : List.of(one, two)) {
                server.getApplicationContext().getBean(Jobs.class).nudge(DigestScheduler.KIND);
                assertEquals(0, server.getApplicationContext().getBean(DigestScheduler.class).sendDue(),
                        "the day is claimed: no instance sends it again");
            }
            assertEquals(1, postsTo(slack, "C0PAIR"));
        }
    }

    private static EmbeddedServer start(String database, FakeOktopost oktopost, FakeSlack slack, String clock, String tickEvery) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("oktopost.base-url", oktopost.baseUrl());
        properties.put("slack.api-url", slack.apiUrl());
        properties.put("datasources.default.url", database);
        properties.put("okto.digest.test-clock", clock);
        properties.put("okto.digest.tick-every", tickEvery);
        properties.put("okto.digest.reuse-data-for", "0s");
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    private static int postsTo(FakeSlack slack, String channel) {
        return (int) slack.calls("chat.postMessage").stream().filter(c -> channel.equals(c.param("channel"))).count();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
