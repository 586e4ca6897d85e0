package com.oktoslack.people;

import com.oktoslack.slack.OktoSubcommand;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import jakarta.inject.Singleton;

/** {@code /okto whoami}: the stored link, answered from SQLite within the ack. */
@Singleton
class WhoamiCommand implements OktoSubcommand {

    private final People people;

    WhoamiCommand(People people) {
        this.people = people;
    }

    @Override
    public String name() {
        return "whoami";
    }

    @Override
    public String usage() {
        return "/okto whoami";
    }

    @Override
    public String summary() {
        return "show which Oktopost user and advocate you are linked to";
    }

    @Override
    public Response handle(String args, SlashCommandRequest request, SlashCommandContext context) {
        return context.ack(people.linkOf(request.getPayload().getUserId())
                .map(People::describe)
                .orElse("You are not linked to Oktopost yet. Run `/okto link` to link by your Slack e-mail."));
    }
}
