package com.oktoslack.people;

import com.oktoslack.slack.OktoSubcommand;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import jakarta.inject.Singleton;

/** {@code /okto unlink}: forgets the user's link. */
@Singleton
class UnlinkCommand implements OktoSubcommand {

    private final People people;

    UnlinkCommand(People people) {
        this.people = people;
    }

    @Override
    public String name() {
        return "unlink";
    }

    @Override
    public String usage() {
        return "/okto unlink";
    }

    @Override
    public String summary() {
        return "forget the link between your Slack and Oktopost users";
    }

    @Override
    public Response handle(String args, SlashCommandRequest request, SlashCommandContext context) {
        return context.ack(people.unlink(request.getPayload().getUserId())
                ? "Unlinked. You won't get approval cards or act on them until you `/okto link` again."
                : "You were not linked.");
    }
}
