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
import java.util.List;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * Opens a modal on a trigger (valid for 3 seconds) and replaces its content once the slow part is done; the
 * loading and notice views every feature shows in its modals.
 */
@Singleton
public class Modals {

    /** An open modal; the hash makes an update lose against a newer one instead of overwriting it. */
    public record Opened(String id, @Nullable String hash) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Modals.class);

    private final MethodsClient slack;
    private final AfterAck afterAck;

    Modals(MethodsClient slack, AfterAck afterAck) {
        this.slack = slack;
        this.afterAck = afterAck;
    }

    /** What a person is told when the trigger expired before the modal opened; {@code tryAgain} says how. */
    public static String notOpened(String tryAgain) {
        return "Slack did not let me open the form in time; please " + tryAgain;
    }

    /** Shown the moment a modal opens, while its content loads. */
    public static View loading(String title, String what) {
        return notice(title, ":hourglass_flowing_sand: " + what);
    }

    /** A modal that only says something, with a Close button; the text is cut to fit one section. */
    public static View notice(String title, String mrkdwn) {
        return view(v -> v.type("modal")
                .title(viewTitle(t -> t.type("plain_text").text(Mrkdwn.cut(title, BlockKitLimits.MODAL_TITLE))))
                .close(viewClose(c -> c.type("plain_text").text("Close")))
                .blocks(List.of(section(s -> s.text(markdownText(Mrkdwn.cut(mrkdwn, BlockKitLimits.SECTION_TEXT)))))));
    }

    /**
     * Opens the modal, or, when Slack refuses (the trigger expired), tells the person privately after the ack
     * that they should {@code tryAgain}.
     */
    public Optional<Opened> openOrTell(String triggerId, View view, PrivateReplies.Recipient to, String tryAgain)
            throws IOException, SlackApiException {
        Optional<Opened> opened = open(triggerId, view);
        if (opened.isEmpty()) {
            afterAck.tell(to, () -> notOpened(tryAgain));
        }
        return opened;
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
