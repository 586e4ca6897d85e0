package com.oktoslack.reminders;

import com.oktoslack.jobs.RecurringJob;
import com.oktoslack.people.People;
import com.oktoslack.people.PersonLink;
import com.oktoslack.slack.Mrkdwn;
import com.oktoslack.approvals.ApprovalQueue;
import com.oktoslack.people.Preferences;
import com.oktoslack.slack.SlackUsers;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * Every minute or so, over the items waiting for approval as the app stores them (no Oktopost call): an approver
 * of an item that waited past its workflow's threshold, or of an urgent item, is reminded by DM, at most once a
 * day per item and only within the reminder hours of their own Slack time zone; an item past its workflow's
 * escalation threshold is posted once to the escalation channel with the people it waits for. What was sent is
 * recorded per item and round in {@code reminder_mark} before it is sent, so a restart sends nothing twice; an
 * item decided anywhere is no longer pending, so nothing more is sent about it.
 */
@Singleton
class ReminderSweep implements RecurringJob {

    static final String KIND = "reminders.sweep";
    private static final Logger LOG = LoggerFactory.getLogger(ReminderSweep.class);
    private static final Duration ONCE_A_DAY = Duration.ofDays(1);
    private static final int SECTION_TEXT = 3000;
    /** Errors that posting again will not cure: the escalation stays recorded and is not retried. */
    private static final Set<String> GIVE_UP = Set.of("channel_not_found", "not_in_channel", "is_archived");

    private final ReminderMarkRepository marks;
    private final ReminderRuleRepository rules;
    private final WaitingItemView views;
    private final Urgency urgency;
    private final ReminderSettings settings;
    private final People people;
    private final SlackUsers slackUsers;
    private final Preferences preferences;
    private final MethodsClient slack;
    private final Clock clock;

    ReminderSweep(ReminderMarkRepository marks, ReminderRuleRepository rules, WaitingItemView views, Urgency urgency,
                  ReminderSettings settings, People people, Preferences preferences, SlackUsers slackUsers,
                  MethodsClient slack, Clock clock) {
        this.marks = marks;
        this.rules = rules;
        this.views = views;
        this.urgency = urgency;
        this.settings = settings;
        this.people = people;
        this.slackUsers = slackUsers;
        this.preferences = preferences;
        this.slack = slack;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Duration every() {
        return settings.sweepEvery();
    }

    @Override
    public void run() {
        marks.deleteSettled();
        Map<String, ReminderRule> byWorkflow = rules.findAll().stream()
                .collect(Collectors.toMap(ReminderRule::workflowId, Function.identity()));
        for (WaitingItem item : marks.findWaiting()) {
            try {
                consider(item, byWorkflow.get(item.workflowId()));
            } catch (RuntimeException e) {
                LOG.warn("Reminders for item {} wait for the next sweep: {}", item.entityId(), e.toString());
            }
        }
    }

    private void consider(WaitingItem item, ReminderRule rule) {
        WaitingItemView.View view = views.of(item);
        boolean urgent = urgency.urgent(view.scheduledAt());
        if (rule == null && !urgent) {
            return;
        }
        Instant now = clock.instant();
        Duration waited = Duration.between(item.waitingSince(), now);
        List<String> approverIds = Arrays.stream(item.approverIds().split(",")).filter(s -> !s.isBlank()).toList();
        List<PersonLink> linked = people.byOktopostUsers(approverIds);
        if (urgent || waited.compareTo(rule.remind()) >= 0) {
            Set<String> done = new HashSet<>(marks.findApprovedAtStep(item.entityId(), item.round(), item.stepId()));
            for (PersonLink link : linked) {
                if (!done.contains(link.slackUserId()) && preferences.remindersOn(link.slackUserId())) {
                    remind(link.slackUserId(), item, view, waited, urgent, now);
                }
            }
        }
        Duration escalate = rule == null ? null : rule.escalate();
        if (escalate != null && waited.compareTo(escalate) >= 0) {
            escalate(item, view, rule, linked, waited, now);
        }
    }


    private void remind(String slackUserId, WaitingItem item, WaitingItemView.View view, Duration waited,
                        boolean urgent, Instant now) {
        ZoneId zone;
        try {
            zone = zoneOf(slackUsers.user(slackUserId).timeZone());
        } catch (Exception e) {
            LOG.info("No time zone for {} from Slack ({}); the reminder waits for the next sweep", slackUserId, e.toString());
            return;
        }
        if (!settings.hours().allows(now, zone)) {
            return;
        }
        if (marks.claimReminder(item.entityId(), item.round(), slackUserId, now, now.minus(ONCE_A_DAY)) != 1) {
            return;
        }
        String opening = urgent && view.scheduledAt() != null
                ? ":rotating_light: *Urgent*: this goes out " + Mrkdwn.when(view.scheduledAt()) + " and still waits for your approval"
                : ":alarm_clock: *Reminder*: this has waited " + ReminderDurations.words(waited) + " for your approval";
        String text = opening + ".\n" + describe(view);
        try {
            ChatPostMessageResponse posted = slack.chatPostMessage(r -> r.channel(slackUserId).text(text)
                    .blocks(List.of(section(s -> s.text(markdownText(Mrkdwn.fit(text, SECTION_TEXT)))),
                            ApprovalQueue.decisionButtons("reminder:" + item.entityId() + ":" + item.round(),
                                    item.entityId(), item.round(), item.stepId()),
                            context(List.of(markdownText("`/okto pending` lists everything that waits for you."))))));
            if (!posted.isOk()) {
                LOG.warn("Slack did not take the reminder of {} for {}: {}", item.entityId(), slackUserId, posted.getError());
            }
        } catch (Exception e) {
            LOG.warn("The reminder of {} for {} got no answer from Slack: {}", item.entityId(), slackUserId, e.toString());
        }
    }

    private void escalate(WaitingItem item, WaitingItemView.View view, ReminderRule rule, List<PersonLink> linked,
                          Duration waited, Instant now) {
        if (marks.claimEscalation(item.entityId(), item.round(), now) != 1) {
            return;
        }
        Map<String, String> slackByOktopost = linked.stream()
                .collect(Collectors.toMap(PersonLink::oktopostUserId, PersonLink::slackUserId, (a, b) -> a));
        String waitsFor = view.approvers().stream()
                .map(a -> slackByOktopost.containsKey(a.oktopostUserId()) ? "<@" + slackByOktopost.get(a.oktopostUserId()) + ">"
                        : Mrkdwn.escape(a.name()))
                .collect(Collectors.joining(", "));
        String text = ":rotating_light: *Waiting too long*: this has waited " + ReminderDurations.words(waited)
                + " for approval.\n" + describe(view) + "\nIt waits for " + (waitsFor.isEmpty() ? "nobody Oktopost names" : waitsFor) + ".";
        try {
            ChatPostMessageResponse posted = slack.chatPostMessage(r -> r.channel(rule.escalateChannel()).text(text)
                    .unfurlLinks(false).unfurlMedia(false));
            if (!posted.isOk()) {
                boolean permanent = GIVE_UP.contains(posted.getError());
                LOG.warn("Slack did not take the escalation of {} in {} ({}){}", item.entityId(), rule.escalateChannel(),
                        posted.getError(), permanent ? "" : "; trying again on the next sweep");
                if (!permanent) {
                    marks.releaseEscalation(item.entityId(), item.round());
                }
            }
        } catch (Exception e) {
            LOG.warn("The escalation of {} got no answer from Slack; trying again on the next sweep: {}", item.entityId(), e.toString());
            marks.releaseEscalation(item.entityId(), item.round());
        }
    }

    private static String describe(WaitingItemView.View view) {
        String text = view.text() == null || view.text().isBlank() ? ""
                : "\n> " + Mrkdwn.escape(Mrkdwn.cut(view.text().strip(), 200)).replace("\n", "\n> ");
        return "*" + Mrkdwn.escape(capitalised(view.what())) + "* in workflow " + Mrkdwn.escape(view.workflowName())
                + ", " + Mrkdwn.escape(view.stepLabel()) + text;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Slack's {@code tz} is an IANA zone; without one (or an unknown one) hours are read in UTC. */
    private static ZoneId zoneOf(String tz) {
        if (tz == null || tz.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
