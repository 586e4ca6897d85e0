package com.oktoslack.scheduling;

import com.oktoslack.slack.AfterAck;
import com.oktoslack.slack.Modals;
import com.oktoslack.slack.SlackListener;
import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Optional;

/** "Schedule in Oktopost" on a Slack message: the same modal, its text taken from the message. */
@Singleton
class ScheduleShortcut implements SlackListener {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleShortcut.class);

    private final ScheduleModal modal;
    private final AfterAck afterAck;

    ScheduleShortcut(ScheduleModal modal, AfterAck afterAck) {
        this.modal = modal;
        this.afterAck = afterAck;
    }

    @Override
    public void register(App app) {
        app.messageShortcut(ScheduleViews.SHORTCUT_CALLBACK, this::shortcut);
    }

    private Response shortcut(MessageShortcutRequest request, MessageShortcutContext context)
            throws IOException, SlackApiException {
        MessageShortcutPayload payload = request.getPayload();
        if (payload.getMessage() == null) {
            tell(context, "Slack did not send me the message; use *Schedule in Oktopost* from a message's ⋯ menu, "
                    + "or `/okto schedule` for a new post.");
            return context.ack();
        }
        Optional<Modals.Opened> opened = modal.open(payload.getTriggerId());
        if (opened.isEmpty()) {
            tell(context, "Slack did not let me open the form in time; please use the shortcut again.");
            return context.ack();
        }
        com.slack.api.model.Message message = payload.getMessage();
        String text = message == null || message.getText() == null ? "" : message.getText();
        ScheduleModal.Origin origin = new ScheduleModal.Origin(text, payload.getResponseUrl(), originLine(payload));
        afterAck.run(() -> modal.fill(opened.get(), payload.getUser().getId(), origin),
                failure -> modal.showQuietly(opened.get().id(), failure));
        return context.ack();
    }

    private void tell(MessageShortcutContext context, String text) {
        afterAck.run(() -> context.respond(ActionResponse.builder().responseType("ephemeral").replaceOriginal(false)
                        .text(text).build()),
                message -> LOG.warn("Could not answer a Schedule-in-Oktopost shortcut: {}", message));
    }

    private static String originLine(MessageShortcutPayload payload) {
        com.slack.api.model.Message message = payload.getMessage();
        String author = message == null || message.getUser() == null ? "a message" : "a message by <@" + message.getUser() + ">";
        String channel = payload.getChannel() == null ? "" : " in <#" + payload.getChannel().getId() + ">";
        return "Text from " + author + channel + ". Edit it for the post.";
    }
}
