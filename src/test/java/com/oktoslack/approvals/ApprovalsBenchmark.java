package com.oktoslack.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import com.oktoslack.testing.FakeOktopost;
import com.oktoslack.testing.FakeSlack;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Figures for the README, measured against the fakes with the Slack SDK's pacing as in production, and against
 * Oktopost as its reference describes it (the fake's strict readings: lists page at 25 unless asked for more,
 * items name only MessageId, the limits enforced). Not part of the build (surefire skips *Benchmark*); run with
 * {@code mvn -q test -Dtest=ApprovalsBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. It prints, for a burst
 * of 300 new items: the cards that carry their text, Oktopost calls per card, the time to the last channel card
 * against Slack's pace of one message a second per channel, and the DMs sent; then webhook-to-card latency for
 * single items, and the ack latency of Approve clicks.
 */
@MicronautTest(transactional = false)
class ApprovalsBenchmark extends ApprovalsTestBase {

    /** As in production: Slack's own pace, and Oktopost's calls paced at the app's default 85% of the limits. */
    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(super.extraProperties());
        properties.put("slack.pacing-per-minute", "0");
        properties.put("oktopost.limits.per-minute", "51");
        properties.put("oktopost.limits.per-five-seconds", "102");
        properties.put("oktopost.limits.per-day", "17000");
        return properties;
    }


    static final int BURST = Integer.getInteger("approvals.benchmark.burst", 300);
    static final int SENDERS = 8;
    static final int SINGLES = 30;
    static final int CLICKS = 50;

    @Test
    void figures() throws Exception {
        StringBuilder report = new StringBuilder("\n=== Approvals benchmark (FakeOktopost + FakeSlack on loopback, Slack SDK pacing on) ===\n");
        burst(report);
        singles(report);
        clicks(report);
        System.out.println(report);
    }

    private void burst(StringBuilder report) throws Exception {
        List<String> ids = new ArrayList<>();
        Map<String, String> texts = new ConcurrentHashMap<>();
        for (int i = 0; i < BURST; i++) {
            String text = "Burst item " + i + ": spring is here, and so are our new products.";
            String id = world.messageItem(text);
            ids.add(id);
            texts.put(id, text);
        }
        oktopost.readings().strict();
        oktopost.reset();
        int breaches = oktopost.rateLimitBreaches();
        Map<String, Instant> sentAt = new ConcurrentHashMap<>();
        Instant start = Instant.now();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<?>> sends = new ArrayList<>();
            for (String id : ids) {
                sends.add(senders.submit(() -> {
                    sentAt.put(id, Instant.now());
                    client.newItem(id, world.workflowId);
                }));
            }
            for (Future<?> send : sends) {
                send.get();
            }
        } finally {
            senders.shutdown();
        }
        Duration sending = Duration.between(start, Instant.now());
        // Approvers get their DMs grouped (the default): a burst is one DM each, updated in place, not a card per item.
        Cards.until("all burst cards posted and every DM sent or grouped", () ->
                count("SELECT COUNT(*) FROM approval_card WHERE kind = 'channel' AND status = 'posted'") >= BURST
                        && count("SELECT COUNT(*) FROM approval_card WHERE kind = 'dm' AND status IN ('due', 'posting')") == 0, 1800);
        Duration allPosted = Duration.between(start, Instant.now());
        awaitQuiet();

        Map<String, Instant> cardAt = new ConcurrentHashMap<>();
        Set<String> withText = ConcurrentHashMap.newKeySet();
        int dms = 0;
        for (FakeSlack.Call call : slack.calls("chat.postMessage")) {
            if (ApprovalWorld.CHANNEL.equals(call.param("channel"))) {
                ids.stream().filter(id -> call.param("blocks").contains("\"approval:" + id + ":")).findFirst()
                        .ifPresent(id -> {
                            cardAt.putIfAbsent(id, call.at());
                            if (call.param("blocks").contains(texts.get(id))) {
                                withText.add(id);
                            }
                        });
            } else if (call.param("blocks") != null && call.param("blocks").contains("\"approval:")) {
                dms++;
            }
        }
        Instant lastCard = cardAt.values().stream().max(Instant::compareTo).orElse(start);
        List<Long> latencies = ids.stream().map(id -> Duration.between(sentAt.get(id), cardAt.get(id)).toMillis()).sorted().toList();
        List<FakeOktopost.RecordedRequest> calls = oktopost.requests();
        Map<String, Long> byPath = new TreeMap<>(calls.stream()
                .collect(Collectors.groupingBy(r -> r.method() + " " + r.path(), Collectors.counting())));
        long grouped = count("SELECT COUNT(*) FROM approval_card WHERE kind = 'dm' AND status = 'skipped'");
        long groupDms = slack.calls("chat.postMessage").stream()
                .filter(c -> c.param("text") != null && c.param("text").contains(" new item")).count();
        report.append(String.format("Burst: %d newApprovalItem webhooks from %d senders (sent in %.1f s) -> %d channel cards, "
                        + "%d of them with their text; %d DM cards, %d items counted in %d grouped DMs (%d updates)%n",
                BURST, SENDERS, sending.toMillis() / 1000.0, cardAt.size(), withText.size(), dms, grouped, groupDms,
                slack.calls("chat.update").stream().filter(c -> c.param("text") != null && c.param("text").contains(" new item")).count()));
        report.append(String.format("  Oktopost calls: %d = %.3f per card; %s; 429s: %d%n", calls.size(),
                calls.size() / (double) BURST, byPath, oktopost.rateLimitBreaches() - breaches));
        report.append(String.format("  Busiest 60 s: %d calls, busiest 5 s: %d calls (Oktopost allows 60 and 120 before it answers 429)%n",
                busiest(calls, Duration.ofSeconds(60)), busiest(calls, Duration.ofSeconds(5))));
        report.append(String.format("  Last channel card %.0f s after the first webhook; Slack's pace of one message a second "
                + "in one channel needs at least %d s for %d cards%n", Duration.between(start, lastCard).toMillis() / 1000.0,
                BURST, BURST));
        report.append(String.format("  Webhook to channel card: p50 %.1f s, p99 %.1f s, max %.1f s; every card and DM posted after %.0f s%n",
                percentile(latencies, 50) / 1000.0, percentile(latencies, 99) / 1000.0,
                latencies.get(latencies.size() - 1) / 1000.0, allPosted.toMillis() / 1000.0));
        report.append("  (Slack allows about one message per second per channel; the SDK paces to that.)\n");
    }

    /** After a minute of quiet, so the SDK's pacing of the channel is back at rest, and 3 s apart, as items usually come. */
    private void singles(StringBuilder report) throws InterruptedException {
        Thread.sleep(60_000);
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < SINGLES; i++) {
            String id = world.messageItem("Single item " + i);
            Instant sent = Instant.now();
            client.newItem(id, world.workflowId);
            FakeSlack.Call card = slack.await("chat.postMessage", c -> ApprovalWorld.CHANNEL.equals(c.param("channel"))
                    && c.param("blocks").contains("\"approval:" + id + ":"), Duration.ofSeconds(60));
            latencies.add(Duration.between(sent, card.at()).toMillis());
            awaitQuiet();
            Thread.sleep(3_000);
        }
        latencies.sort(null);
        report.append(String.format("Single items (%d, 3 s apart): webhook to channel card p50 %d ms, p99 %d ms "
                + "(includes the webhook worker's 300 ms gathering delay)%n", SINGLES, percentile(latencies, 50), percentile(latencies, 99)));
    }

    private void clicks(StringBuilder report) {
        List<FakeSlack.Message> cards = slack.messages().values().stream()
                .filter(m -> ApprovalWorld.CHANNEL.equals(m.channel()) && m.blocks() != null && m.blocks().contains(ApprovalCards.APPROVE_ACTION))
                .limit(CLICKS).toList();
        oktopost.reset();
        List<Long> acks = new ArrayList<>();
        Map<String, Instant> clickedAt = new ConcurrentHashMap<>();
        for (FakeSlack.Message card : cards) {
            String id = Cards.blocks(card).get(0).path("block_id").asText().split(":")[1];
            clickedAt.put(id, Instant.now());
            long before = System.nanoTime();
            int status = client.press(ApprovalWorld.ANN, card, ApprovalCards.APPROVE_ACTION).statusCode();
            acks.add((System.nanoTime() - before) / 1_000_000);
            if (status != 200) {
                throw new AssertionError("Approve click answered " + status);
            }
        }
        Cards.until("every decision made", () -> oktopost.count("POST", "/workflow-item") == cards.size(), 300);
        Cards.until("every card updated", () -> count("SELECT COUNT(*) FROM approval_card c JOIN approval_item i "
                + "ON i.entity_id = c.entity_id AND i.round = c.round WHERE c.status = 'posted' AND c.rendered_version < i.version") == 0, 900);
        List<Long> updated = new ArrayList<>();
        for (FakeSlack.Call call : slack.calls("chat.update")) {
            JsonNode blocks = call.json("blocks");
            if (ApprovalWorld.CHANNEL.equals(call.param("channel")) && blocks.toString().contains("approved by <@U0ANN>")) {
                String id = blocks.get(0).path("block_id").asText().split(":")[1];
                Instant clicked = clickedAt.remove(id);
                if (clicked != null) {
                    updated.add(Duration.between(clicked, call.at()).toMillis());
                }
            }
        }
        acks.sort(null);
        updated.sort(null);
        report.append(String.format("Approve clicks (%d, one after another): ack p50 %d ms, p99 %d ms, max %d ms; "
                + "Oktopost calls: %d (%d decisions)%n", acks.size(), percentile(acks, 50), percentile(acks, 99),
                acks.get(acks.size() - 1), oktopost.requests().size(), oktopost.count("POST", "/workflow-item")));
        report.append(String.format("  Click to channel card updated: p50 %.1f s, p99 %.1f s (%d cards and DMs to update; "
                + "Slack paces chat.update to about 50 a minute)%n", percentile(updated, 50) / 1000.0, percentile(updated, 99) / 1000.0,
                slack.calls("chat.update").size()));
    }

    private static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static long busiest(List<FakeOktopost.RecordedRequest> calls, Duration window) {
        List<Instant> times = calls.stream().map(FakeOktopost.RecordedRequest::at).sorted().toList();
        long best = 0;
        int from = 0;
        for (int to = 0; to < times.size(); to++) {
            while (times.get(from).isBefore(times.get(to).minus(window))) {
                from++;
            }
            best = Math.max(best, to - from + 1);
        }
        return best;
    }
}
