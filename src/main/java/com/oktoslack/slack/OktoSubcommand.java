package com.oktoslack.slack;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;

import java.io.IOException;

/**
 * One {@code /okto <name> ...} subcommand. It must answer within Slack's 3 seconds: ack at once and hand
 * slow work to {@link AfterAck}.
 */
public interface OktoSubcommand {

    /** The word after {@code /okto}. */
    String name();

    /** How to call it, e.g. {@code /okto route <workflow> #channel}. */
    String usage();

    /** One line for {@code /okto help}. */
    String summary();

    Response handle(String args, SlashCommandRequest request, SlashCommandContext context)
            throws IOException, SlackApiException;
}
