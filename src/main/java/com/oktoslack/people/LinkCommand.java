package com.oktoslack.people;

import com.oktoslack.slack.AfterAck;
import com.oktoslack.slack.OktoSubcommand;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import jakarta.inject.Singleton;

/** {@code /okto link}: finds the user in Oktopost by their Slack e-mail. */
@Singleton
class LinkCommand implements OktoSubcommand {

    private final People people;
    private final AfterAck afterAck;

    LinkCommand(People people, AfterAck afterAck) {
        this.people = people;
        this.afterAck = afterAck;
    }

    @Override
    public String name() {
        return "link";
    }

    @Override
    public String usage() {
        return "/okto link";
    }

    @Override
    public String summary() {
        return "link your Slack user to your Oktopost user and advocate, by e-mail";
    }

    @Override
    public Response handle(String args, SlashCommandRequest request, SlashCommandContext context) {
        String userId = request.getPayload().getUserId();
        afterAck.respond(context, () -> People.describe(people.link(userId)));
        return context.ack("Looking you up in Oktopost…");
    }
}
