package com.oktoslack.scheduling;

import com.oktoslack.media.SlackFile;
import com.oktoslack.oktopost.TimeZones;
import com.oktoslack.slack.Mrkdwn;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.oktoslack.scheduling.ScheduleViews.*;

/** Checks a submitted modal while Slack waits: each problem is told next to its field, nothing is created. */
final class ScheduleValidation {

    /** Either errors by block id, or the order to carry out. */
    record Checked(Map<String, String> errors, @Nullable ScheduleOrder order) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    private static final DateTimeFormatter NOW = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private ScheduleValidation() {
    }

    static Checked check(ScheduleState state, ScheduleMetadata metadata, Instant now) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        ZoneId zone = TimeZones.of(state.timeZone().orElse(metadata.timeZone()));

        List<String> networks = new ArrayList<>(new LinkedHashSet<>(state.networks()));
        if (networks.isEmpty()) {
            add(errors, NETWORKS_BLOCK, "Pick at least one network.");
        }
        for (String network : networks) {
            if (Networks.offered(network).isEmpty()) {
                add(errors, NETWORKS_BLOCK, network + " posts cannot be scheduled from Slack.");
            }
        }

        String link = state.link();
        if (!link.isEmpty() && !Mrkdwn.isWebUrl(link)) {
            add(errors, LINK_BLOCK, "Enter a web address that starts with https:// or http://.");
        }
        String text = withLink(state.text(), link);
        if (state.text().isEmpty()) {
            add(errors, TEXT_BLOCK, "Write the text of the post.");
        } else {
            for (String network : networks) {
                Networks.offered(network).ifPresent(n -> {
                    int length = Networks.length(n, text);
                    if (length > Networks.limit(n)) {
                        add(errors, TEXT_BLOCK, String.format(Locale.ROOT, "Too long for %s: %,d characters%s, the limit is %,d.",
                                Networks.label(n), length, text.equals(state.text()) ? "" : " with the link", Networks.limit(n)));
                    }
                });
            }
        }

        List<ScheduleState.PickedProfile> profiles = state.profiles();
        if (profiles.isEmpty()) {
            add(errors, PROFILES_BLOCK, "Pick at least one profile.");
        }
        Set<String> profileNetworks = new LinkedHashSet<>();
        profiles.forEach(p -> profileNetworks.add(p.network()));
        for (String network : networks) {
            if (!profiles.isEmpty() && !profileNetworks.contains(network)) {
                add(errors, PROFILES_BLOCK, "Pick a profile for " + Networks.label(network) + ", or remove it from the networks.");
            }
        }
        for (ScheduleState.PickedProfile profile : profiles) {
            if (!networks.contains(profile.network())) {
                add(errors, PROFILES_BLOCK, profile.name() + " is a " + Networks.label(profile.network())
                        + " profile: add that network or remove the profile.");
            }
        }

        Optional<ScheduleForm.Choice> campaign = state.campaign();
        if (campaign.isEmpty()) {
            add(errors, CAMPAIGN_BLOCK, "Pick the campaign the post belongs to.");
        }

        Optional<LocalDate> date = state.date();
        Optional<LocalTime> time = state.time();
        if (date.isEmpty()) {
            add(errors, DATE_BLOCK, "Pick a date.");
        }
        if (time.isEmpty()) {
            add(errors, TIME_BLOCK, "Pick a time.");
        }
        Instant startAt = null;
        if (date.isPresent() && time.isPresent()) {
            startAt = ZonedDateTime.of(date.get(), time.get(), zone).toInstant();
            if (!state.draft() && !startAt.isAfter(now)) {
                ZonedDateTime localNow = now.atZone(zone);
                if (date.get().isBefore(localNow.toLocalDate())) {
                    add(errors, DATE_BLOCK, "That day has passed; pick today or a later day.");
                } else {
                    add(errors, TIME_BLOCK, "That time has passed (it is " + NOW.format(localNow) + " in " + zone.getId()
                            + "); pick a later time.");
                }
            }
        }

        Optional<ScheduleForm.Choice> workflow = state.workflow();
        if (state.draft() && workflow.isPresent()) {
            add(errors, WORKFLOW_BLOCK, "Drafts are not sent for approval: choose Schedule, or no workflow.");
        }

        MediaOffer media = metadata.mediaOffer();
        List<SlackFile> files = checkMedia(state, media, networks, link, errors);
        String videoTitle = state.videoTitle();

        if (!errors.isEmpty()) {
            Map<String, String> joined = new LinkedHashMap<>();
            errors.forEach((block, messages) -> joined.put(block, String.join(" ", messages)));
            return new Checked(joined, null);
        }
        List<ScheduleOrder.Target> targets = networks.stream()
                .map(network -> new ScheduleOrder.Target(network, profiles.stream()
                        .filter(p -> p.network().equals(network))
                        .map(p -> new ScheduleOrder.Profile(p.id(), p.name()))
                        .distinct()
                        .toList()))
                .toList();
        ScheduleOrder order = new ScheduleOrder(text, campaign.get().id(), campaign.get().label(), targets,
                startAt.getEpochSecond(), state.draft(), workflow.map(ScheduleForm.Choice::id).orElse(null),
                workflow.map(ScheduleForm.Choice::label).orElse(null), zone.getId(), metadata.responseUrl(), files,
                videoTitle.isEmpty() ? null : videoTitle, null);
        return new Checked(Map.of(), order);
    }

    /**
     * The images and videos that go with the post, with each problem told next to the file field (or, for a
     * message's files, next to the networks, which is what can be changed): Oktopost's limits per network, a link
     * or media but not both, YouTube's one video and its title, Instagram's image or video.
     */
    private static List<SlackFile> checkMedia(ScheduleState state, MediaOffer media, List<String> networks, String link,
                                              Map<String, List<String>> errors) {
        List<SlackFile> files = new ArrayList<>();
        String field = media.input() ? MEDIA_BLOCK : NETWORKS_BLOCK;
        if (media.input()) {
            for (com.slack.api.model.File picked : state.files()) {
                Optional<SlackFile> file = SlackFile.of(picked);
                if (file.isPresent()) {
                    files.add(file.get());
                } else {
                    add(errors, MEDIA_BLOCK, Mrkdwn.escape(picked.getName() == null ? "A file" : picked.getName())
                            + " is not an image or video Oktopost takes (JPEG, PNG, GIF, MP4).");
                }
            }
        } else if (media.available()) {
            files.addAll(media.files());
        }
        if (!files.isEmpty() && !link.isEmpty()) {
            add(errors, media.input() ? MEDIA_BLOCK : LINK_BLOCK,
                    "A post takes a link or images and video, not both: remove the link or the files.");
        }
        long videos = files.stream().filter(SlackFile::video).count();
        for (String name : networks) {
            Optional<String> offered = Networks.offered(name);
            if (offered.isEmpty()) {
                continue;
            }
            String network = offered.get();
            String label = Networks.label(network);
            if (Networks.isYouTube(network)) {
                if (videos != 1 || files.size() != 1) {
                    add(errors, field, media.available()
                            ? "YouTube takes one video (MP4) and nothing else; this post has " + count(videos, "video")
                            + " and " + count(files.size() - videos, "image") + "."
                            : "YouTube takes a video, which can't be attached here.");
                }
                String title = state.videoTitle();
                if (title.isEmpty()) {
                    add(errors, VIDEO_TITLE_BLOCK, "Give the YouTube video a title.");
                } else if (title.codePointCount(0, title.length()) > MAX_VIDEO_TITLE) {
                    add(errors, VIDEO_TITLE_BLOCK, "YouTube titles have at most " + MAX_VIDEO_TITLE + " characters.");
                }
                continue;
            }
            if (files.size() > Networks.mediaLimit(network)) {
                add(errors, field, String.format(Locale.ROOT, "%s takes at most %d images or videos in a post; there are %d.",
                        label, Networks.mediaLimit(network), files.size()));
            }
            if (Networks.isInstagram(network) && files.isEmpty() && !state.draft()) {
                add(errors, media.input() ? MEDIA_BLOCK : NETWORKS_BLOCK,
                        "Instagram posts need an image or a video: " + (media.input() ? "attach one, or " : "")
                                + "save as drafts and add it in Oktopost.");
            }
        }
        return files;
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** The text as posted: the link goes at the end unless the text already has it. */
    static String withLink(String text, String link) {
        if (link.isEmpty() || text.contains(link)) {
            return text;
        }
        return text.isEmpty() ? link : text + "\n\n" + link;
    }

    private static void add(Map<String, List<String>> errors, String block, String message) {
        errors.computeIfAbsent(block, b -> new ArrayList<>()).add(message);
    }
}
