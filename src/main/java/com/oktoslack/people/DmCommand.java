package com.oktoslack.people;

import com.oktoslack.slack.OktoSubcommand;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import jakarta.inject.Singleton;

/** {@code /okto dm on|off}: whether approval cards also arrive as direct messages. */
@Singleton
class DmCommand implements OktoSubcommand {

    private final People people;

    DmCommand(People people) {
        this.people = people;
    }

    @Override
    public String name() {
        return "dm";
    }

    @Override
    public String usage() {
        return "/okto dm on|off";
    }

    @Override
    public String summary() {
        return "turn direct messages with approval cards on or off";
    }

    @Override
    public Response handle(String args, SlashCommandRequest request, SlashCommandContext context) {
        String choice = args.strip().toLowerCase(java.util.Locale.ROOT);
        if (!choice.equals("on") && !choice.equals("off")) {
            return context.ack("Usage: `" + usage() + "`");
        }
        boolean on = choice.equals("on");
        if (!people.setDmEnabled(request.getPayload().getUserId(), on)) {
            return context.ack("You are not linked to Oktopost yet. Run `/okto link` first.");
        }
        return context.ack(on ? "You'll get approval cards as direct messages." : "No more approval DMs; cards still go to the channel.");
    }
}
