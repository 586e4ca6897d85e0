package com.oktoslack.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import jakarta.inject.Singleton;

import java.io.IOException;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Routes {@code /okto <subcommand>} to the feature that owns it; anything else gets the command list. */
@Singleton
class OktoCommand implements SlackListener {

    static final String COMMAND = "/okto";

    private final Map<String, OktoSubcommand> subcommands;

    OktoCommand(List<OktoSubcommand> subcommands) {
        this.subcommands = subcommands.stream()
                .collect(Collectors.toMap(s -> s.name().toLowerCase(Locale.ROOT), Function.identity()));
    }

    @Override
    public void register(App app) {
        app.command(COMMAND, this::dispatch);
    }

    private Response dispatch(SlashCommandRequest request, SlashCommandContext context)
            throws IOException, SlackApiException {
        String text = request.getPayload().getText() == null ? "" : request.getPayload().getText().strip();
        String[] words = text.split("\\s+", 2);
        OktoSubcommand subcommand = subcommands.get(words[0].toLowerCase(Locale.ROOT));
        if (subcommand == null) {
            String intro = text.isEmpty() || words[0].equalsIgnoreCase("help")
                    ? "" : "I don't know `" + COMMAND + " " + words[0] + "`. ";
            return context.ack(intro + help());
        }
        return subcommand.handle(words.length > 1 ? words[1].strip() : "", request, context);
    }

    String help() {
        String lines = subcommands.values().stream()
                .sorted(Comparator.comparing(OktoSubcommand::name))
                .map(s -> "• `" + s.usage() + "`: " + s.summary())
                .collect(Collectors.joining("\n"));
        return "*okto-slack* brings Oktopost into Slack. Commands:\n" + lines + "\n• `" + COMMAND + " help`: this list";
    }
}
