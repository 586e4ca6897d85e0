package com.oktoslack.reminders;

import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.oktopost.Workflow;
import com.oktoslack.slack.AfterAck;
import com.oktoslack.slack.ChannelRoutes;
import com.oktoslack.slack.Mrkdwn;
import com.oktoslack.slack.OktoSubcommand;
import com.oktoslack.slack.SlackUsers;
import com.oktoslack.slack.UserFacingException;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code /okto remind}: per workflow, when approvers are reminded of what waits for them and, optionally, when and
 * where a waiting item is escalated. Workspace admins only, since it sends messages to other people.
 */
@Singleton
class RemindCommand implements OktoSubcommand {

    private static final Pattern SET = Pattern.compile(
            "(?i)(.+?)\\s+after\\s+(\\S+)(?:\\s+escalate\\s+after\\s+(\\S+)\\s+(\\S+))?");
    private static final String DURATIONS = "a whole number of minutes, hours or days, like `1m`, `30m`, `4h` or `2d`";

    /** What the command asks for, checked before the ack; {@code remind} null means off. */
    record Request(String workflow, @Nullable Duration remind, @Nullable Duration escalate, @Nullable String channel) {
    }

    private final ReminderRuleRepository rules;
    private final SlackUsers users;
    private final Oktopost oktopost;
    private final MethodsClient slack;
    private final AfterAck afterAck;
    private final ReminderSettings settings;
    private final Clock clock;

    RemindCommand(ReminderRuleRepository rules, SlackUsers users, Oktopost oktopost, MethodsClient slack,
                  AfterAck afterAck, ReminderSettings settings, Clock clock) {
        this.rules = rules;
        this.users = users;
        this.oktopost = oktopost;
        this.slack = slack;
        this.afterAck = afterAck;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "remind";
    }

    @Override
    public String usage() {
        return "/okto remind <workflow> after <duration> [escalate after <duration> #channel] | <workflow> off";
    }

    @Override
    public String summary() {
        return "remind approvers of what waits, and escalate to a channel (admins); `/okto remind` lists the settings";
    }

    @Override
    public Response handle(String args, SlashCommandRequest request, SlashCommandContext context) {
        String userId = request.getPayload().getUserId();
        if (args.isBlank()) {
            afterAck.respond(context, this::describe);
            return context.ack();
        }
        Request wanted;
        try {
            wanted = parse(args);
        } catch (IllegalArgumentException e) {
            return context.ack(e.getMessage());
        }
        afterAck.respond(context, () -> {
            users.requireAdmin(userId, "set approval reminders");
            Workflow workflow = resolve(wanted.workflow());
            if (wanted.remind() == null) {
                if (!rules.existsById(workflow.id())) {
                    return "Workflow " + Mrkdwn.escape(workflow.name()) + " had no reminders.";
                }
                rules.deleteById(workflow.id());
                return "Reminders for workflow " + Mrkdwn.escape(workflow.name()) + " are off.";
            }
            if (wanted.channel() != null) {
                requireChannel(wanted.channel());
            }
            ReminderRule rule = new ReminderRule(workflow.id(), workflow.name(), wanted.remind().toSeconds(),
                    wanted.escalate() == null ? null : wanted.escalate().toSeconds(), wanted.channel(), userId, clock.instant());
            if (rules.existsById(workflow.id())) {
                rules.update(rule);
            } else {
                rules.save(rule);
            }
            return "Workflow " + Mrkdwn.escape(workflow.name()) + ": " + describe(rule) + ".";
        });
        return context.ack();
    }

    /** The request, or an IllegalArgumentException whose message says what is wrong. */
    static Request parse(String args) {
        String text = args.strip();
        String[] words = text.split("\\s+");
        if (words.length >= 2 && words[words.length - 1].equalsIgnoreCase("off")) {
            return new Request(text.substring(0, text.length() - 3).strip(), null, null, null);
        }
        Matcher m = SET.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("Usage: `" + "/okto remind <workflow> after <duration> [escalate after "
                    + "<duration> #channel]`, e.g. `/okto remind Marketing after 4h escalate after 1d #approvals-leads`; "
                    + "`/okto remind <workflow> off` stops them.");
        }
        Duration remind = duration(m.group(2), "reminder");
        if (m.group(3) == null) {
            if (m.group(1).toLowerCase(Locale.ROOT).contains(" escalate")) {
                throw new IllegalArgumentException("To escalate, say `escalate after <duration> #channel` after the reminder.");
            }
            return new Request(m.group(1).strip(), remind, null, null);
        }
        Duration escalate = duration(m.group(3), "escalation");
        Optional<String> channel = ChannelRoutes.parseChannel(m.group(4));
        if (channel.isEmpty()) {
            throw new IllegalArgumentException("`" + Mrkdwn.escape(m.group(4)) + "` is not a channel: mention the "
                    + "escalation channel as #channel.");
        }
        return new Request(m.group(1).strip(), remind, escalate, channel.get());
    }

    private static Duration duration(String text, String what) {
        return ReminderDurations.parse(text).orElseThrow(() -> new IllegalArgumentException("`" + Mrkdwn.escape(text)
                + "` is not a " + what + " time: use " + DURATIONS + " (at most 365d). Nothing was changed."));
    }

    private Workflow resolve(String target) {
        List<Workflow> workflows = oktopost.workflows();
        String wanted = target.toLowerCase(Locale.ROOT);
        return workflows.stream().filter(w -> w.id().equalsIgnoreCase(target)).findFirst()
                .or(() -> workflows.stream().filter(w -> w.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst())
                .orElseThrow(() -> new UserFacingException("No Oktopost workflow is called \"" + Mrkdwn.escape(target)
                        + "\"; nothing was changed. Workflows: "
                        + workflows.stream().map(w -> Mrkdwn.escape(w.name())).collect(Collectors.joining(", ")) + "."));
    }

    /** A channel Slack knows and lets the app see, so escalations do not vanish. */
    private void requireChannel(String channelId) throws Exception {
        ConversationsInfoResponse info = slack.conversationsInfo(r -> r.channel(channelId));
        if (!info.isOk()) {
            throw new UserFacingException("Slack knows no channel `" + channelId + "` that I can see (" + Mrkdwn.escape(info.getError())
                    + "), so nothing was changed. If it is private, invite me there first (`/invite @okto`).");
        }
    }

    private String describe() {
        List<ReminderRule> all = rules.findAllOrderByWorkflowName();
        String hours = "Reminders go out " + (settings.hours().always() ? "at any time" : "within the reminder hours")
                + " in each approver's time zone, at most once a day per item; items that go out within "
                + ReminderDurations.words(settings.urgentBefore()) + " are reminded of at once.";
        if (all.isEmpty()) {
            return "No workflow has reminders yet. " + hours;
        }
        return "Reminders:\n" + all.stream().map(r -> "• " + Mrkdwn.escape(r.workflowName()) + ": " + describe(r))
                .collect(Collectors.joining("\n")) + "\n" + hours;
    }

    private static String describe(ReminderRule rule) {
        String text = "reminders after " + ReminderDurations.format(rule.remind());
        Duration escalate = rule.escalate();
        return escalate == null ? text + ", no escalation"
                : text + ", escalated to <#" + rule.escalateChannel() + "> after " + ReminderDurations.format(escalate);
    }
}
