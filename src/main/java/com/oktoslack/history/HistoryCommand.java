package com.oktoslack.history;

import com.oktoslack.access.Audience;
import com.oktoslack.slack.AfterAck;
import com.oktoslack.slack.Mrkdwn;
import com.oktoslack.slack.OktoSubcommand;
import com.oktoslack.slack.SlackUsers;
import com.oktoslack.slack.UserFacingException;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code /okto history [workflow] [days]}: recent decisions, privately; {@code /okto history export}: everything
 * kept, as a CSV file in the admin's DM with the app.
 */
@Singleton
class HistoryCommand implements OktoSubcommand {

    static final int DEFAULT_DAYS = 7;
    /** Lines in one answer; the export has the rest. */
    static final int LIST_LIMIT = 40;

    private final HistoryRepository rows;
    private final Audience audience;
    private final SlackUsers users;
    private final MethodsClient slack;
    private final AfterAck afterAck;
    private final Clock clock;
    private final int keptDays;

    HistoryCommand(HistoryRepository rows, Audience audience, SlackUsers users, MethodsClient slack, AfterAck afterAck,
                   Clock clock, @Value("${okto.history-days}") int keptDays) {
        this.rows = rows;
        this.audience = audience;
        this.users = users;
        this.slack = slack;
        this.afterAck = afterAck;
        this.clock = clock;
        this.keptDays = keptDays;
    }

    @Override
    public String name() {
        return "history";
    }

    @Override
    public String usage() {
        return "/okto history [workflow] [days] | export";
    }

    @Override
    public String summary() {
        return "recent approval decisions, made in Slack or in Oktopost; `export` sends admins a CSV file";
    }

    @Override
    public Response handle(String args, SlashCommandRequest request, SlashCommandContext context) {
        String userId = request.getPayload().getUserId();
        String text = args.strip();
        if (text.equalsIgnoreCase("export")) {
            afterAck.respond(context, () -> export(userId));
            return context.ack();
        }
        String workflow = text;
        int days = DEFAULT_DAYS;
        int space = text.lastIndexOf(' ');
        String last = text.substring(space + 1);
        if (last.matches("\\d{1,9}")) {
            days = Integer.parseInt(last);
            workflow = space < 0 ? "" : text.substring(0, space).strip();
            if (days < 1 || days > keptDays) {
                return context.ack("Days must be between 1 and " + keptDays + " (decisions are kept for " + keptDays
                        + " days). Usage: `" + usage() + "`.");
            }
        }
        String wanted = workflow;
        int span = days;
        afterAck.respond(context, () -> list(userId, wanted, span));
        return context.ack();
    }

    private String list(String userId, String workflow, int days) throws Exception {
        audience.oktopostUser(userId, "the decision history");
        Instant since = clock.instant().minus(Duration.ofDays(days));
        String key = workflow.toLowerCase(Locale.ROOT);
        List<HistoryRow> found = key.isEmpty() ? rows.findSince(since, LIST_LIMIT) : rows.findSinceInWorkflow(since, key, LIST_LIMIT);
        String scope = (key.isEmpty() ? "" : " in workflow " + Mrkdwn.escape(workflow)) + " in the last "
                + (days == 1 ? "day" : days + " days");
        if (found.isEmpty()) {
            return "No decisions" + scope + ".";
        }
        long total = key.isEmpty() ? rows.countSince(since) : rows.countSinceInWorkflow(since, key);
        String more = total > found.size() ? "\n_…and " + (total - found.size()) + " earlier ones; admins can "
                + "`/okto history export` them all._" : "";
        return "*Decisions" + scope + "*, newest first:\n"
                + found.stream().map(HistoryCommand::line).collect(Collectors.joining("\n")) + more;
    }

    static String line(HistoryRow r) {
        String verb = "approved".equals(r.outcome()) ? ":white_check_mark: approved" : ":x: rejected";
        String who = r.slackUserId() != null ? "<@" + r.slackUserId() + ">"
                : r.byName() != null && !r.byName().isBlank() ? Mrkdwn.escape(r.byName()) : "someone";
        String where = DecisionHistory.SLACK.equals(r.source()) ? "in Slack" : "in Oktopost";
        String note = r.note() == null || r.note().isBlank() ? "" : " — “" + Mrkdwn.escape(Mrkdwn.cut(r.note().strip()
                .replace('\n', ' '), 150)) + "”";
        return "• " + Mrkdwn.when(r.decidedAt()) + " " + verb + " by " + who + " " + where + ": "
                + Mrkdwn.escape(Mrkdwn.cut(r.item(), 120)) + " · " + Mrkdwn.escape(r.workflowName()) + ", "
                + Mrkdwn.escape(r.stepLabel()) + note;
    }

    private String export(String userId) throws Exception {
        users.requireAdmin(userId, "export the decision history");
        List<HistoryRow> all = rows.findAllOldestFirst();
        byte[] csv = HistoryCsv.write(all).getBytes(StandardCharsets.UTF_8);
        ConversationsOpenResponse dm = slack.conversationsOpen(r -> r.users(List.of(userId)));
        if (!dm.isOk() || dm.getChannel() == null) {
            throw new UserFacingException("Slack would not open a direct message with you (" + Mrkdwn.escape(dm.getError())
                    + "), so I could not send the file.");
        }
        String name = "okto-decisions-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".csv";
        FilesUploadV2Response uploaded = slack.filesUploadV2(r -> r.channel(dm.getChannel().getId())
                .filename(name).title("Approval decisions").fileData(csv).requestFileInfo(false)
                .initialComment(all.size() + " decisions of the last " + keptDays + " days, oldest first."));
        if (!uploaded.isOk()) {
            throw new UserFacingException("Slack did not take the file (" + Mrkdwn.escape(uploaded.getError()) + ").");
        }
        return "I sent you the decision history (" + all.size() + " decisions) as `" + name + "` in our direct messages.";
    }
}
