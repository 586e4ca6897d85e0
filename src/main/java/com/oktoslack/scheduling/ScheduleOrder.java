package com.oktoslack.scheduling;

import com.oktoslack.media.SlackFile;
import com.oktoslack.oktopost.Network;
import com.oktoslack.oktopost.NewMessage;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * A checked submission: what to create in Oktopost. One message per network with the same text (and the same
 * media: Slack {@code files}, which become Oktopost's {@code mediaIds} before any message is made; YouTube's with
 * {@code videoTitle}), then one post per profile at {@code startAt} (unix seconds), optionally sent to a workflow.
 */
record ScheduleOrder(String text,
                     String campaignId,
                     String campaignName,
                     List<Target> targets,
                     long startAt,
                     boolean draft,
                     @Nullable String workflowId,
                     @Nullable String workflowName,
                     String timeZone,
                     @Nullable String responseUrl,
                     @Nullable List<SlackFile> files,
                     @Nullable String videoTitle,
                     @Nullable List<String> mediaIds) {

    ScheduleOrder(String text, String campaignId, String campaignName, List<Target> targets, long startAt, boolean draft,
                  @Nullable String workflowId, @Nullable String workflowName, String timeZone, @Nullable String responseUrl) {
        this(text, campaignId, campaignName, targets, startAt, draft, workflowId, workflowName, timeZone, responseUrl,
                null, null, null);
    }

    /** The profiles of one network. */
    record Target(String network, List<Profile> profiles) {
        Target {
            profiles = List.copyOf(profiles);
        }

        List<String> profileIds() {
            return profiles.stream().map(Profile::id).toList();
        }
    }

    record Profile(String id, String name) {
    }

    ScheduleOrder {
        targets = List.copyOf(targets);
        files = files == null ? List.of() : List.copyOf(files);
        mediaIds = mediaIds == null ? List.of() : List.copyOf(mediaIds);
    }

    /** Files from Slack go with the posts, so they are uploaded to Oktopost first. */
    boolean hasFiles() {
        return !files.isEmpty();
    }

    /** With the media Oktopost made of the files. */
    ScheduleOrder withMediaIds(List<String> ids) {
        return new ScheduleOrder(text, campaignId, campaignName, targets, startAt, draft, workflowId, workflowName,
                timeZone, responseUrl, files, videoTitle, ids);
    }

    /** The message for one network: the text with the media, and YouTube's video with its title. */
    NewMessage message(String network) {
        return NewMessage.text(network, campaignId, text)
                .withMedia(mediaIds, Networks.isYouTube(network) ? videoTitle : null);
    }

    List<Network> networks() {
        return targets.stream().map(t -> Networks.known(t.network())).toList();
    }

    Instant start() {
        return Instant.ofEpochSecond(startAt);
    }

    String postStatus() {
        return draft ? "draft" : "pending";
    }
}
