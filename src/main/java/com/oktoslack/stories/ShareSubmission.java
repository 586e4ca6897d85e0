package com.oktoslack.stories;

import com.oktoslack.slack.FormValues;
import com.oktoslack.slack.Modals;
import com.oktoslack.slack.SlackListener;
import com.oktoslack.slack.SlackValueCodec;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;

/**
 * The share modal's submit: checked while Slack waits (errors show next to the fields), then stored and
 * carried out after the ack. The same modal submitted twice is shared once.
 */
@Singleton
class ShareSubmission implements SlackListener {

    private static final Logger LOG = LoggerFactory.getLogger(ShareSubmission.class);

    private final StoryRequests requests;
    private final Clock clock;

    ShareSubmission(StoryRequests requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    @Override
    public void register(App app) {
        app.viewSubmission(StoryViews.SHARE_CALLBACK, this::submitted);
    }

    private Response submitted(ViewSubmissionRequest request, ViewSubmissionContext context) {
        View view = request.getPayload().getView();
        String userId = request.getPayload().getUser().getId();
        Optional<ShareMetadata> read = SlackValueCodec.read(view.getPrivateMetadata(), ShareMetadata.class);
        if (read.isEmpty()) {
            LOG.warn("A share modal came back without its metadata (view {})", view.getId());
            return context.ackWithUpdate(Modals.notice(ShareModal.TITLE,
                    "This form is out of date. Close it and press *Share* on the story again."));
        }
        ShareMetadata metadata = read.get();
        ShareForm.Outcome outcome = ShareForm.read(metadata, FormValues.of(view),
                clock.instant());
        if (!outcome.valid()) {
            return context.ackWithErrors(outcome.errors());
        }
        if (requests.accept(view.getId(), ShareWork.KIND, userId, outcome.plan())) {
            requests.start(view.getId());
        } else {
            LOG.info("Share modal {} was submitted again; it is shared once", view.getId());
        }
        return context.ack();
    }
}
