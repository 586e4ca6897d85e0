package com.oktoslack.scheduling;

import com.oktoslack.slack.AfterAck;
import com.oktoslack.slack.SlackListener;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picking networks narrows the profile list to those networks; the rest of the form stays as entered. */
@Singleton
class NetworkChange implements SlackListener {

    private static final Logger LOG = LoggerFactory.getLogger(NetworkChange.class);

    private final ScheduleModal modal;
    private final AfterAck afterAck;

    NetworkChange(ScheduleModal modal, AfterAck afterAck) {
        this.modal = modal;
        this.afterAck = afterAck;
    }

    @Override
    public void register(App app) {
        app.blockAction(ScheduleViews.NETWORKS_ACTION, this::changed);
    }

    private Response changed(BlockActionRequest request, ActionContext context) {
        View view = request.getPayload().getView();
        if (view != null) {
            afterAck.run(() -> modal.redraw(view),
                    message -> LOG.info("The scheduling modal was not redrawn for new networks: {}", message));
        }
        return context.ack();
    }
}
