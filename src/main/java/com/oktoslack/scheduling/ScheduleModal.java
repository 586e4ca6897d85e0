package com.oktoslack.scheduling;

import com.oktoslack.media.MediaFromSlack;
import com.oktoslack.media.SlackFile;
import com.oktoslack.oktopost.Campaign;
import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.oktopost.TimeZones;
import com.oktoslack.people.People;
import com.oktoslack.people.PersonLink;
import com.oktoslack.slack.Modals;
import com.oktoslack.slack.PrivateReplies;
import com.oktoslack.slack.Modals.Opened;
import com.oktoslack.slack.Mrkdwn;
import com.oktoslack.slack.SlackMarkup;
import com.oktoslack.slack.SlackUsers;
import com.oktoslack.slack.SlackValueCodec;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.view.View;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The scheduling modal's life: opened with a loading view while the trigger is fresh (3 seconds), filled once
 * the person's time zone and the account's profiles, workflows and campaigns are known, and redrawn when the
 * picked networks change so only their profiles are offered.
 */
@Singleton
class ScheduleModal {

    /**
     * Where the modal was opened from: text to start with, where to confirm, a line to show, and the files of the
     * message it was opened on (null for the command, whose form has a file field instead).
     */
    record Origin(String prefill, @Nullable String responseUrl, @Nullable String line,
                  @Nullable List<com.slack.api.model.File> files) {

        Origin(String prefill, @Nullable String responseUrl, @Nullable String line) {
            this(prefill, responseUrl, line, null);
        }
    }

    private final Modals modals;
    private final SlackUsers users;
    private final People people;
    private final Oktopost oktopost;
    private final MediaFromSlack media;
    private final Clock clock;

    ScheduleModal(Modals modals, SlackUsers users, People people, Oktopost oktopost, MediaFromSlack media, Clock clock) {
        this.modals = modals;
        this.users = users;
        this.people = people;
        this.oktopost = oktopost;
        this.media = media;
        this.clock = clock;
    }

    /** Empty when Slack refused, typically because the trigger expired. */
    Optional<Opened> open(String triggerId) throws IOException, SlackApiException {
        return modals.open(triggerId, ScheduleViews.loading());
    }

    /** As {@link #open}, telling the person privately to {@code tryAgain} when Slack refused. */
    Optional<Opened> openOrTell(String triggerId, PrivateReplies.Recipient to, String tryAgain)
            throws IOException, SlackApiException {
        return modals.openOrTell(triggerId, ScheduleViews.loading(), to, tryAgain);
    }

    void fill(Opened modal, String slackUserId, Origin origin) throws IOException, SlackApiException {
        ZoneId zone = TimeZones.of(users.user(slackUserId).timeZone());
        Optional<String> refusal = refusal(slackUserId);
        if (refusal.isPresent()) {
            modals.update(modal, ScheduleViews.notice(refusal.get()));
            return;
        }
        ScheduleChoices choices = choices();
        if (choices.profiles().isEmpty()) {
            modals.update(modal, ScheduleViews.notice("Oktopost has no valid profile on " + String.join(", ",
                    Networks.all().stream().map(Networks::label).toList())
                    + ". Connect or reconnect a profile in Oktopost, then try again."));
            return;
        }
        // Loads the campaign list into the cache, so typing in the campaign field is answered in time.
        List<Campaign> campaigns = oktopost.campaigns(null);
        if (campaigns.isEmpty()) {
            modals.update(modal, ScheduleViews.notice("Oktopost has no active campaign, and every post belongs to one. "
                    + "Create a campaign in Oktopost, then try again."));
            return;
        }
        ScheduleForm.Choice campaign = campaigns.size() == 1
                ? new ScheduleForm.Choice(campaigns.get(0).id(), campaigns.get(0).name()) : null;
        String text = Mrkdwn.cut(SlackMarkup.plain(origin.prefill(), users::nameOr), ScheduleViews.MAX_TEXT);
        ZonedDateTime start = nextHour(zone);
        ScheduleForm form = ScheduleForm.fresh(text, start.toLocalDate(), start.toLocalTime(), campaign);
        MediaOffer offer = offer(origin);
        ScheduleMetadata metadata = new ScheduleMetadata(zone.getId(), origin.responseUrl(), origin.line(), offer);
        modals.update(modal, ScheduleViews.form(choices.suitedTo(offer), form, zone.getId(), write(metadata),
                origin.line(), offer));
    }

    /** Draws the form again from what the person has entered, with the profiles of the networks now picked. */
    void redraw(View view) throws IOException, SlackApiException {
        ScheduleMetadata metadata = read(view.getPrivateMetadata());
        ZoneId zone = TimeZones.of(metadata.timeZone());
        ZonedDateTime fallback = nextHour(zone);
        ScheduleForm form = ScheduleState.of(view.getState()).asForm(fallback.toLocalDate(), fallback.toLocalTime());
        MediaOffer offer = metadata.mediaOffer();
        modals.update(new Opened(view.getId(), view.getHash()), ScheduleViews.form(choices().suitedTo(offer), form,
                zone.getId(), view.getPrivateMetadata(), metadata.origin(), offer));
    }

    /** Shows a message in the modal; failures are only logged, as there is nowhere else to say it. */
    void showQuietly(String viewId, String message) {
        modals.showQuietly(new Opened(viewId, null), ScheduleViews.notice(message));
    }

    ScheduleMetadata read(String privateMetadata) {
        return SlackValueCodec.read(privateMetadata, ScheduleMetadata.class)
                .orElseThrow(() -> new IllegalArgumentException("The modal's metadata is unreadable"));
    }

    /** What can go with the post: the message's images and videos, the form's file field, or nothing and why. */
    private MediaOffer offer(Origin origin) {
        if (!media.available()) {
            return MediaOffer.unavailable();
        }
        if (origin.files() == null) {
            return MediaOffer.picked();
        }
        List<SlackFile> files = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (com.slack.api.model.File file : origin.files()) {
            Optional<SlackFile> taken = SlackFile.of(file).filter(f -> files.size() < MediaOffer.MAX_FILES);
            if (taken.isPresent()) {
                files.add(taken.get());
            } else {
                leftOut.add(file.getName() == null ? "a file" : Mrkdwn.cut(file.getName(), 80));
            }
        }
        return MediaOffer.fromMessage(files, leftOut);
    }

    private ScheduleChoices choices() {
        return new ScheduleChoices(oktopost.credentials(null), oktopost.workflows());
    }

    /** Why this person may not schedule, if they may not: posts need a real Oktopost user behind them. */
    private Optional<String> refusal(String slackUserId) throws IOException, SlackApiException {
        Optional<PersonLink> link = people.linkOrDiscover(slackUserId);
        if (link.isEmpty() || !link.get().isOktopostUser()) {
            return Optional.of("Scheduling posts needs an Oktopost user with your Slack e-mail address. "
                    + "Ask an Oktopost admin to invite you, then run `/okto link` and try again.");
        }
        String userId = link.get().oktopostUserId();
        boolean readOnly = oktopost.users().stream().filter(u -> u.id().equals(userId)).anyMatch(u -> !u.canPublish());
        if (readOnly) {
            return Optional.of("Your Oktopost user is read-only, so it cannot schedule posts. "
                    + "Ask an Oktopost admin for the publisher or contributor role.");
        }
        return Optional.empty();
    }

    private ZonedDateTime nextHour(ZoneId zone) {
        return TimeZones.nextHour(clock.instant(), zone);
    }

    private String write(ScheduleMetadata metadata) {
        return SlackValueCodec.write(metadata);
    }
}
