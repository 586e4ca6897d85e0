package com.oktoslack.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.methods.response.views.ViewsUpdateResponse;
import com.slack.api.model.view.View;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Optional;

/** Opens a modal on a trigger (valid for 3 seconds) and replaces its content once the slow part is done. */
@Singleton
public class Modals {

    /** An open modal; the hash makes an update lose against a newer one instead of overwriting it. */
    public record Opened(String id, @Nullable String hash) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Modals.class);

    private final MethodsClient slack;

    Modals(MethodsClient slack) {
        this.slack = slack;
    }

    /** Empty when Slack refused, typically because the trigger expired. */
    public Optional<Opened> open(String triggerId, View view) throws IOException, SlackApiException {
        ViewsOpenResponse response = slack.viewsOpen(r -> r.triggerId(triggerId).view(view));
        if (!response.isOk() || response.getView() == null) {
            LOG.info("Slack did not open a modal: {}", response.getError());
            return Optional.empty();
        }
        return Optional.of(new Opened(response.getView().getId(), response.getView().getHash()));
    }

    /** Replaces the modal's content; nothing happens when the person closed it meanwhile or it changed. */
    public void update(Opened modal, View view) throws IOException, SlackApiException {
        ViewsUpdateResponse response = slack.viewsUpdate(r -> r.viewId(modal.id()).hash(modal.hash()).view(view));
        if (!response.isOk()) {
            LOG.info("Slack did not update modal {}: {} {}", modal.id(), response.getError(),
                    response.getResponseMetadata() == null ? "" : response.getResponseMetadata().getMessages());
        }
    }

    /** Shows a notice in the modal; failures are only logged, as there is nowhere else to say it. */
    public void showQuietly(Opened modal, View notice) {
        try {
            update(modal, notice);
        } catch (IOException | SlackApiException | RuntimeException e) {
            LOG.warn("Could not show a message in modal {}", modal.id(), e);
        }
    }
}
