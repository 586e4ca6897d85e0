package com.oktoslack.scheduling;

import com.oktoslack.slack.SlackListener;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * The modal's submit. Checked while Slack waits, with problems shown next to their fields; an accepted
 * submission is stored under the modal's id (a second submit is recognised and creates nothing), the modal
 * closes, and the work is carried out after the ack.
 */
@Singleton
class ScheduleSubmission implements SlackListener {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleSubmission.class);

    private final ScheduleModal modal;
    private final ScheduleRunner runner;
    private final ScheduleMedia media;
    private final Clock clock;

    ScheduleSubmission(ScheduleModal modal, ScheduleRunner runner, ScheduleMedia media, Clock clock) {
        this.modal = modal;
        this.runner = runner;
        this.media = media;
        this.clock = clock;
    }

    @Override
    public void register(App app) {
        app.viewSubmission(ScheduleViews.FORM_CALLBACK, this::submitted);
    }

    private Response submitted(ViewSubmissionRequest request, ViewSubmissionContext context) {
        View view = request.getPayload().getView();
        ScheduleMetadata metadata;
        try {
            metadata = modal.read(view.getPrivateMetadata());
        } catch (IllegalArgumentException e) {
            LOG.warn("A scheduling modal came back without its metadata (view {})", view.getId());
            return context.ackWithUpdate(ScheduleViews.notice(
                    "This form is out of date. Close it and run `/okto schedule` again."));
        }
        ScheduleValidation.Checked checked = ScheduleValidation.check(ScheduleState.of(view.getState()), metadata,
                clock.instant());
        if (!checked.ok()) {
            return context.ackWithErrors(checked.errors());
        }
        String userId = request.getPayload().getUser().getId();
        if (checked.order().hasFiles()) {
            if (!media.accept(view.getId(), userId, checked.order())) {
                LOG.info("Scheduling modal {} was submitted again; its files are uploaded once", view.getId());
            }
        } else if (runner.accept(view.getId(), userId, checked.order())) {
            runner.start(view.getId());
        } else {
            LOG.info("Scheduling modal {} was submitted again; its posts are created once", view.getId());
        }
        // Closing the modal: the outcome arrives as a message, which cannot race an update of a closing view.
        return context.ack();
    }
}
