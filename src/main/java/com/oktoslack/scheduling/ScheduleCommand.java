package com.oktoslack.scheduling;

import com.oktoslack.slack.AfterAck;
import com.oktoslack.slack.Modals;
import com.oktoslack.slack.OktoSubcommand;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.Optional;

/** {@code /okto schedule [text]}: opens the scheduling modal at once, then fills it after the ack. */
@Singleton
class ScheduleCommand implements OktoSubcommand {

    private final ScheduleModal modal;
    private final AfterAck afterAck;

    ScheduleCommand(ScheduleModal modal, AfterAck afterAck) {
        this.modal = modal;
        this.afterAck = afterAck;
    }

    @Override
    public String name() {
        return "schedule";
    }

    @Override
    public String usage() {
        return "/okto schedule [text]";
    }

    @Override
    public String summary() {
        return "schedule a social post in Oktopost (opens a form; the text is optional)";
    }

    @Override
    public Response handle(String args, SlashCommandRequest request, SlashCommandContext context)
            throws IOException, SlackApiException {
        var payload = request.getPayload();
        Optional<Modals.Opened> opened = modal.open(payload.getTriggerId());
        if (opened.isEmpty()) {
            return context.ack(Modals.notOpened("run `/okto schedule` again."));
        }
        ScheduleModal.Origin origin = new ScheduleModal.Origin(args, payload.getResponseUrl(), null);
        afterAck.run(() -> modal.fill(opened.get(), payload.getUserId(), origin),
                message -> modal.showQuietly(opened.get().id(), message));
        return context.ack();
    }
}
