package com.oktoslack.scheduling;

import com.oktoslack.slack.AfterAck;
import com.oktoslack.slack.Modals;
import com.oktoslack.slack.PrivateReplies;
import com.oktoslack.slack.SlackListener;
import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** "Schedule in Oktopost" on a Slack message: the same modal, its text taken from the message. */
@Singleton
class ScheduleShortcut implements SlackListener {

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
            afterAck.tell(PrivateReplies.Recipient.of(payload), () -> "Slack did not send me the message; use *Schedule in Oktopost* from a message's ⋯ menu, "
                    + "or `/okto schedule` for a new post.");
            return context.ack();
        }
        Optional<Modals.Opened> opened = modal.openOrTell(payload.getTriggerId(), PrivateReplies.Recipient.of(payload),
                "use the shortcut again.");
        if (opened.isEmpty()) {
            return context.ack();
        }
        com.slack.api.model.Message message = payload.getMessage();
        String text = message == null || message.getText() == null ? "" : message.getText();
        ScheduleModal.Origin origin = new ScheduleModal.Origin(text, payload.getResponseUrl(), originLine(payload),
                message.getFiles() == null ? List.of() : message.getFiles());
        afterAck.run(() -> modal.fill(opened.get(), payload.getUser().getId(), origin),
                failure -> modal.showQuietly(opened.get().id(), failure));
        return context.ack();
    }

    private static String originLine(MessageShortcutPayload payload) {
        com.slack.api.model.Message message = payload.getMessage();
        String author = message == null || message.getUser() == null ? "a message" : "a message by <@" + message.getUser() + ">";
        String channel = payload.getChannel() == null ? "" : " in <#" + payload.getChannel().getId() + ">";
        return "Text from " + author + channel + ". Edit it for the post.";
    }
}
