package com.oktoslack.jobs;

import com.oktoslack.slack.AfterAck;
import com.oktoslack.slack.OktoSubcommand;
import com.oktoslack.slack.SlackUsers;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** {@code /okto status}: what background work waits, per kind, on all replicas together (admins). */
@Singleton
class StatusCommand implements OktoSubcommand {

    private final JobStatus status;
    private final SlackUsers users;
    private final AfterAck afterAck;

    StatusCommand(JobStatus status, SlackUsers users, AfterAck afterAck) {
        this.status = status;
        this.users = users;
        this.afterAck = afterAck;
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String usage() {
        return "/okto status";
    }

    @Override
    public String summary() {
        return "what background work waits, and how long the oldest has waited (admins)";
    }

    @Override
    public Response handle(String args, SlashCommandRequest request, SlashCommandContext context) {
        String userId = request.getPayload().getUserId();
        afterAck.respond(context, () -> {
            users.requireAdmin(userId, "see the background work");
            return describe(status.byKind(Instant.now()));
        });
        return context.ack();
    }

    static String describe(Map<String, QueueDepth> byKind) {
        StringBuilder text = new StringBuilder("*Background work* (all replicas)\n");
        long failed = 0;
        for (Map.Entry<String, QueueDepth> entry : byKind.entrySet()) {
            QueueDepth depth = entry.getValue();
            failed += depth.failed();
            text.append("• `").append(entry.getKey()).append("`: ").append(depth.waiting()).append(" waiting");
            if (depth.waiting() > 0 && !depth.oldest().isZero()) {
                text.append(", oldest due ").append(age(depth.oldest())).append(" ago");
            }
            if (depth.failed() > 0) {
                text.append(", *").append(depth.failed()).append(" failed*");
            }
            text.append('\n');
        }
        if (failed > 0) {
            text.append("Failed jobs used up their attempts; the logs name each one and its reason.");
        }
        return text.toString().strip();
    }

    static String age(Duration age) {
        long seconds = age.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min";
        }
        if (seconds < 86400) {
            return seconds / 3600 + " h " + (seconds % 3600) / 60 + " min";
        }
        return seconds / 86400 + " d";
    }
}
