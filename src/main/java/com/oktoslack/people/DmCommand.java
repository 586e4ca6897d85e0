package com.oktoslack.people;

import com.oktoslack.slack.OktoSubcommand;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import jakarta.inject.Singleton;

import java.util.Optional;

/** {@code /okto dm each|grouped|off}: how approval cards reach the person directly. */
@Singleton
class DmCommand implements OktoSubcommand {

    private final Preferences preferences;

    DmCommand(Preferences preferences) {
        this.preferences = preferences;
    }

    @Override
    public String name() {
        return "dm";
    }

    @Override
    public String usage() {
        return "/okto dm each|grouped|off";
    }

    @Override
    public String summary() {
        return "approval DMs: one per item, one for a burst (the default), or none";
    }

    @Override
    public Response handle(String args, SlashCommandRequest request, SlashCommandContext context) {
        String choice = args.strip();
        // "on" is what the command took before it had three choices.
        Optional<DmMode> mode = choice.equalsIgnoreCase("on") ? Optional.of(DmMode.GROUPED) : DmMode.parse(choice);
        if (mode.isEmpty()) {
            return context.ack("Usage: `" + usage() + "`");
        }
        if (!preferences.setDmMode(request.getPayload().getUserId(), mode.get())) {
            return context.ack("You are not linked to Oktopost yet. Run `/okto link` first.");
        }
        return context.ack(describe(mode.get()));
    }

    static String describe(DmMode mode) {
        return switch (mode) {
            case EACH -> "You'll get each approval card as a direct message.";
            case GROUPED -> "You'll get approval cards as direct messages; a burst of new items comes as one message "
                    + "that counts them.";
            case OFF -> "No more approval DMs; cards still go to the channel.";
        };
    }
}
