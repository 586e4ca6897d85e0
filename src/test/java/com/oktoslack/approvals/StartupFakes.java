package com.oktoslack.approvals;

import com.oktoslack.testing.FakeOktopost;
import com.oktoslack.testing.FakeSlack;
import com.oktoslack.testing.SlackRequests;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The fakes for {@code .ci/startup}, which starts the packaged app against them to measure start-up and memory.
 * Prints {@code oktopost URL} and {@code slack URL}, then reads commands from standard input, one a line:
 * {@code burst APP_URL N} sends N signed {@code newApprovalItem} webhooks (8 senders) and answers
 * {@code burst N cards MS} once every item has its channel card, or {@code burst failed ...}; end of input stops it.
 */
public final class StartupFakes {

    private StartupFakes() {
    }

    public static void main(String[] args) throws Exception {
        FakeOktopost oktopost = FakeOktopost.start();
        FakeSlack slack = FakeSlack.start();
        ApprovalWorld world = new ApprovalWorld(oktopost, slack);
        slack.addChannel(ApprovalWorld.CHANNEL, "approvals");
        System.out.println("oktopost " + oktopost.baseUrl());
        System.out.println("slack " + slack.apiUrl());
        System.out.println("secret " + ApprovalClient.WEBHOOK_SECRET);
        System.out.println("channel " + ApprovalWorld.CHANNEL);
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] words = line.trim().split("\\s+");
            if (words.length == 3 && words[0].equals("burst")) {
                System.out.println(burst(world, slack, URI.create(words[1]), Integer.parseInt(words[2])));
                System.out.flush();
            }
        }
        oktopost.close();
        slack.close();
        System.exit(0);
    }

    private static String burst(ApprovalWorld world, FakeSlack slack, URI app, int items) throws Exception {
        ApprovalClient client = new ApprovalClient(app, new SlackRequests(app), slack);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            ids.add(world.messageItem("Burst item " + i + ": spring is here, and so are our new products."));
        }
        int before = cards(slack);
        long start = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> sends = new ArrayList<>();
            for (String id : ids) {
                sends.add(senders.submit(() -> client.newItem(id, world.workflowId)));
            }
            for (Future<?> send : sends) {
                send.get();
            }
        } finally {
            senders.shutdown();
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (cards(slack) - before < items) {
            if (System.nanoTime() > deadline) {
                return "burst failed: " + (cards(slack) - before) + " of " + items + " cards after 5 minutes";
            }
            Thread.sleep(50);
        }
        return "burst " + items + " cards " + (System.nanoTime() - start) / 1_000_000;
    }

    private static int cards(FakeSlack slack) {
        return (int) slack.calls("chat.postMessage").stream()
                .filter(call -> ApprovalWorld.CHANNEL.equals(call.param("channel"))).count();
    }
}
