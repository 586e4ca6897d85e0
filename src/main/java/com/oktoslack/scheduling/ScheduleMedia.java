package com.oktoslack.scheduling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oktoslack.media.MediaFromSlack;
import com.oktoslack.media.UploadsFinished;
import com.oktoslack.slack.PrivateReplies;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;

/**
 * A submission with images or videos: its files go to Oktopost's media library first, and only when every one is
 * there does the runner create the messages (with the media) and posts, so an upload that fails leaves nothing
 * half-made; the person is told why.
 */
@Singleton
class ScheduleMedia implements UploadsFinished {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleMedia.class);

    private final ScheduleMediaRepository waiting;
    private final ScheduleRequestRepository requests;
    private final ScheduleRunner runner;
    private final Provider<MediaFromSlack> media;
    private final PrivateReplies replies;
    private final ObjectMapper json;
    private final Clock clock;

    ScheduleMedia(ScheduleMediaRepository waiting, ScheduleRequestRepository requests, ScheduleRunner runner,
                  Provider<MediaFromSlack> media, PrivateReplies replies, ObjectMapper json, Clock clock) {
        this.waiting = waiting;
        this.requests = requests;
        this.runner = runner;
        this.media = media;
        this.replies = replies;
        this.json = json;
        this.clock = clock;
    }

    /** Stores the order and starts its uploads; false when this modal was submitted before. */
    boolean accept(String viewId, String slackUserId, ScheduleOrder order) {
        if (waiting.insertWaiting(viewId, slackUserId, write(order), write(ScheduleProgress.none()), clock.instant()) != 1) {
            return false;
        }
        media.get().begin(viewId, order.files(), order.networks());
        return true;
    }

    @Override
    public void ready(String batchId, List<String> mediaIds) {
        requests.findById(batchId).ifPresent(request -> {
            ScheduleOrder order = read(request.plan()).withMediaIds(mediaIds);
            if (waiting.mediaReady(batchId, write(order), clock.instant()) == 1) {
                LOG.info("Scheduling request {}: {} file(s) in Oktopost, creating the posts", batchId, mediaIds.size());
                runner.start(batchId);
            }
        });
    }

    @Override
    public void failed(String batchId, String reason) {
        requests.findById(batchId).ifPresent(request -> {
            ScheduleOrder order = read(request.plan());
            String report = ScheduleReports.mediaFailed(reason);
            if (waiting.mediaFailed(batchId, report, clock.instant()) == 1) {
                LOG.info("Scheduling request {} stopped: a file could not be uploaded", batchId);
                replies.tell(new PrivateReplies.Recipient(request.slackUserId(), order.responseUrl(), null), report);
            }
        });
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot store " + value.getClass().getSimpleName(), e);
        }
    }

    private ScheduleOrder read(String plan) {
        try {
            return json.readValue(plan, ScheduleOrder.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored ScheduleOrder is unreadable", e);
        }
    }
}
