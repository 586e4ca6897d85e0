package com.oktoslack.digest;

import com.oktoslack.access.Audience;
import com.oktoslack.approvals.AlreadyApproved;
import com.oktoslack.digest.DigestCards.DigestMessage;
import com.oktoslack.digest.DigestSender.Outcome;
import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.people.PersonLink;
import com.oktoslack.slack.AfterAck;
import com.oktoslack.slack.OktoSubcommand;
import com.oktoslack.slack.SlackUser;
import com.oktoslack.slack.SlackUsers;
import com.oktoslack.slack.UserFacingException;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /okto digest}: a daily digest for the current channel ({@code here HH:MM [Zone]}, {@code off},
 * {@code now}) or, for approvers, a personal DM of what waits for them ({@code me HH:MM [Zone]}, {@code me off},
 * {@code me now}). Input is checked before the ack; Slack profiles and Oktopost are asked after it.
 */
@Singleton
class DigestCommand implements OktoSubcommand {

    private static final String NOT_AN_OKTOPOST_USER = "A personal digest lists what waits for your approval, so I need "
            + "to know your Oktopost user. Run `/okto link` (it finds you by your Slack e-mail), then try again.";
    static final String USAGE = "/okto digest [here HH:MM [Zone] | off | now | me HH:MM [Zone] | me off | me now]";

    private final DigestSubscriptions subscriptions;
    private final DigestSource source;
    private final DigestSender sender;
    private final SlackUsers slackUsers;
    private final Oktopost oktopost;
    private final AlreadyApproved alreadyApproved;
    private final Audience audience;
    private final AfterAck afterAck;
    private final Clock clock;

    DigestCommand(DigestSubscriptions subscriptions, DigestSource source, DigestSender sender,
                  SlackUsers slackUsers, Oktopost oktopost, AlreadyApproved alreadyApproved, Audience audience,
                  AfterAck afterAck, Clock clock) {
        this.subscriptions = subscriptions;
        this.audience = audience;
        this.alreadyApproved = alreadyApproved;
        this.source = source;
        this.sender = sender;
        this.slackUsers = slackUsers;
        this.oktopost = oktopost;
        this.afterAck = afterAck;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "digest";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public String summary() {
        return "a daily digest of approvals, outgoing and failed posts and new stories in this channel, "
                + "or a DM of what waits for your approval; `/okto digest` shows the settings";
    }

    @Override
    public Response handle(String args, SlashCommandRequest request, SlashCommandContext context) {
        String channelId = request.getPayload().getChannelId();
        String userId = request.getPayload().getUserId();
        List<String> words = args.isBlank() ? List.of() : Arrays.asList(args.strip().split("\\s+"));
        if (words.isEmpty()) {
            return context.ack(settings(channelId, userId));
        }
        String verb = words.get(0).toLowerCase(Locale.ROOT);
        List<String> rest = words.subList(1, words.size());
        return switch (verb) {
            case "here" -> subscribeChannel(rest, channelId, userId, context);
            case "off" -> rest.isEmpty() ? unsubscribeChannel(channelId, userId, context) : usageError(context);
            case "now" -> rest.isEmpty() ? channelNow(channelId, userId, context) : usageError(context);
            case "me" -> personal(rest, userId, context);
            default -> usageError(context);
        };
    }

    private Response subscribeChannel(List<String> rest, String channelId, String userId, SlashCommandContext context) {
        Optional<String> invalid = checkTimeAndZone(rest, "here");
        if (invalid.isPresent()) {
            return context.ack(invalid.get());
        }
        LocalTime time = DigestSchedule.parseTime(rest.get(0)).orElseThrow();
        Optional<ZoneId> zone = rest.size() > 1 ? DigestSchedule.parseZone(rest.get(1)) : Optional.empty();
        afterAck.respond(context, () -> {
            audience.channelPoster(userId);
            ZoneChoice choice = zone.map(z -> new ZoneChoice(z, "")).orElseGet(() -> zoneOf(userId));
            DigestSubscription saved = subscriptions.forChannel(channelId, time, choice.zone(), userId);
            return "This channel gets the Oktopost digest every day at " + describeTime(saved) + choice.note()
                    + ". The first one comes " + DigestCards.date(DigestSchedule.nextSend(saved, clock.instant()), saved.zoneId())
                    + ". In a private channel, invite me first (`/invite @Oktopost`).";
        });
        return context.ack();
    }

    private Response personal(List<String> rest, String userId, SlashCommandContext context) {
        if (rest.size() == 1 && rest.get(0).equalsIgnoreCase("off")) {
            return unsubscribe(DigestSubscription.personId(userId), context,
                    "No more personal digests.", "You had no personal digest.");
        }
        if (rest.size() == 1 && rest.get(0).equalsIgnoreCase("now")) {
            return personalNow(userId, context);
        }
        Optional<String> invalid = checkTimeAndZone(rest, "me");
        if (invalid.isPresent()) {
            return context.ack(invalid.get());
        }
        LocalTime time = DigestSchedule.parseTime(rest.get(0)).orElseThrow();
        Optional<ZoneId> zone = rest.size() > 1 ? DigestSchedule.parseZone(rest.get(1)) : Optional.empty();
        afterAck.respond(context, () -> {
            Optional<PersonLink> link = approverLink(userId);
            if (link.isEmpty()) {
                return NOT_AN_OKTOPOST_USER;
            }
            ZoneChoice choice = zone.map(z -> new ZoneChoice(z, "")).orElseGet(() -> zoneOf(userId));
            DigestSubscription saved = subscriptions.forPerson(userId, time, choice.zone());
            String answer = "You'll get a DM of what waits for your approval every day at " + describeTime(saved) + choice.note()
                    + ". The first one comes " + DigestCards.date(DigestSchedule.nextSend(saved, clock.instant()), saved.zoneId()) + ".";
            boolean approver = oktopost.workflows().stream()
                    .flatMap(w -> w.steps().stream())
                    .anyMatch(s -> s.isApprover(link.get().oktopostUserId()));
            return approver ? answer : answer + " You are not an approver in any workflow step yet, so it will say nothing waits.";
        });
        return context.ack();
    }

    /** Stopping a channel's digest is for those who may start one. */
    private Response unsubscribeChannel(String channelId, String userId, SlashCommandContext context) {
        afterAck.respond(context, () -> {
            audience.channelPoster(userId);
            return subscriptions.remove(DigestSubscription.channelId(channelId))
                    ? "No more daily digests in this channel." : "This channel had no daily digest.";
        });
        return context.ack();
    }

    private Response unsubscribe(String id, SlashCommandContext context, String removed, String absent) {
        return context.ack(subscriptions.remove(id) ? removed : absent);
    }

    private Response channelNow(String channelId, String userId, SlashCommandContext context) {
        afterAck.respond(context, () -> {
            audience.channelPoster(userId);
            ZoneId zone = subscriptions.find(DigestSubscription.channelId(channelId))
                    .map(DigestSubscription::zoneId)
                    .orElseGet(() -> zoneOf(userId).zone());
            DigestSnapshot snapshot = source.snapshot();
            DigestMessage message = DigestCards.channel(snapshot, zone, DigestSchedule.today(snapshot.takenAt(), zone));
            Outcome outcome = sender.post(channelId, message);
            return outcome.sent() ? null : DigestSender.explain(outcome.error());
        });
        return context.ack("Putting today's digest together for this channel…");
    }

    private Response personalNow(String userId, SlashCommandContext context) {
        afterAck.respond(context, () -> {
            Optional<PersonLink> link = approverLink(userId);
            if (link.isEmpty()) {
                return NOT_AN_OKTOPOST_USER;
            }
            ZoneId zone = subscriptions.find(DigestSubscription.personId(userId))
                    .map(DigestSubscription::zoneId)
                    .orElseGet(() -> zoneOf(userId).zone());
            DigestSnapshot snapshot = source.snapshot();
            DigestMessage message = DigestCards.personal(snapshot, link.get().oktopostUserId(), alreadyApproved.by(userId),
                    zone, DigestSchedule.today(snapshot.takenAt(), zone));
            Outcome outcome = sender.post(userId, message);
            return outcome.sent() ? null : DigestSender.explain(outcome.error());
        });
        return context.ack("Sending you what waits for your approval…");
    }

    /** The link of a Slack user who is an Oktopost user (only they can approve); found by e-mail if need be. */
    private Optional<PersonLink> approverLink(String userId) throws Exception {
        try {
            return Optional.of(audience.oktopostUser(userId, "a personal digest"));
        } catch (UserFacingException notAnOktopostUser) {
            return Optional.empty();
        }
    }

    private String settings(String channelId, String userId) {
        Instant now = clock.instant();
        String channel = subscriptions.find(DigestSubscription.channelId(channelId))
                .map(s -> "• This channel: every day at " + describe(s, now))
                .orElse("• This channel: no digest. Start one with `/okto digest here 09:00 Europe/Berlin` (the zone is optional).");
        String mine = subscriptions.find(DigestSubscription.personId(userId))
                .map(s -> "• Your personal DM: every day at " + describe(s, now))
                .orElse("• Your personal DM: off. Approvers can get one with `/okto digest me 09:00`.");
        return "*Daily digest*\n" + channel + "\n" + mine + "\nUsage: `" + USAGE + "`";
    }

    private static String describe(DigestSubscription subscription, Instant now) {
        String text = describeTime(subscription) + "; next " + DigestCards.date(DigestSchedule.nextSend(subscription, now),
                subscription.zoneId());
        if (subscription.lastError() != null) {
            text += "\n   :warning: The last one did not go out: " + DigestSender.explain(subscription.lastError());
        }
        return text;
    }

    private static String describeTime(DigestSubscription subscription) {
        return subscription.localTime() + " (" + subscription.zone() + ")";
    }

    /** Empty when the words are a valid {@code HH:MM [Zone]}, else what is wrong with them. */
    private static Optional<String> checkTimeAndZone(List<String> words, String target) {
        if (words.isEmpty() || words.size() > 2) {
            return Optional.of("Tell me the time of day, and optionally a time zone, e.g. `/okto digest " + target
                    + " 09:00 Europe/Berlin`.");
        }
        if (DigestSchedule.parseTime(words.get(0)).isEmpty()) {
            return Optional.of("`" + words.get(0) + "` is not a time of day. Use 24-hour HH:MM, e.g. `09:00` or `17:30`.");
        }
        if (words.size() == 2 && DigestSchedule.parseZone(words.get(1)).isEmpty()) {
            return Optional.of("`" + words.get(1) + "` is not a time zone I know. Use a name like `Europe/Berlin`, "
                    + "`America/New_York` or `UTC`.");
        }
        return Optional.empty();
    }

    private record ZoneChoice(ZoneId zone, String note) {
    }

    /** The caller's Slack time zone, or UTC (with a note saying so) when Slack has none for them. */
    private ZoneChoice zoneOf(String userId) {
        try {
            SlackUser user = slackUsers.user(userId);
            Optional<ZoneId> zone = user.timeZone() == null ? Optional.empty() : DigestSchedule.parseZone(user.timeZone());
            if (zone.isPresent()) {
                return new ZoneChoice(zone.get(), ", your Slack time zone");
            }
        } catch (IOException | SlackApiException | UserFacingException e) {
            // Fall through to UTC; the answer says so.
        }
        return new ZoneChoice(ZoneId.of("UTC"), ", UTC since your Slack profile has no time zone");
    }

    private Response usageError(SlashCommandContext context) {
        return context.ack("Usage: `" + USAGE + "`");
    }
}
