package com.oktoslack.webhooks;

import com.oktoslack.slack.AfterAck;
import com.oktoslack.slack.Mrkdwn;
import com.oktoslack.slack.SlackMarkup;
import com.oktoslack.slack.OktoSubcommand;
import com.oktoslack.slack.SlackUsers;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.stream.Collectors;

/** {@code /okto webhooks}: shows, connects or disconnects the Oktopost webhooks that feed this app. */
@Singleton
class WebhooksCommand implements OktoSubcommand {

    private final WebhookRegistrations registrations;
    private final InboxRepository inbox;
    private final SlackUsers users;
    private final AfterAck afterAck;
    private final PublicHealth health;

    WebhooksCommand(WebhookRegistrations registrations, InboxRepository inbox, SlackUsers users, AfterAck afterAck,
                    PublicHealth health) {
        this.health = health;
        this.registrations = registrations;
        this.inbox = inbox;
        this.users = users;
        this.afterAck = afterAck;
    }

    @Override
    public String name() {
        return "webhooks";
    }

    @Override
    public String usage() {
        return "/okto webhooks [connect https://your-host | disconnect]";
    }

    @Override
    public String summary() {
        return "show or set up the Oktopost webhooks that feed okto-slack (admins)";
    }

    @Override
    public Response handle(String args, SlashCommandRequest request, SlashCommandContext context) {
        String userId = request.getPayload().getUserId();
        String[] words = args.isBlank() ? new String[0] : args.split("\\s+");
        if (words.length == 0) {
            afterAck.respond(context, this::status);
        } else if (words[0].equalsIgnoreCase("connect") && words.length == 2) {
            String url;
            String given = SlackMarkup.firstUrl(words[1]).orElse(words[1]);
            try {
                url = WebhookRegistrations.webhookUrl(given);
            } catch (IllegalArgumentException e) {
                return context.ack("`" + Mrkdwn.escape(given) + "` is not an https address; Oktopost must reach the app over https. "
                        + "Give the app's public https base, e.g. `https://okto.example.com`.");
            }
            afterAck.respond(context, () -> {
                users.requireAdmin(userId, "set up Oktopost webhooks");
                registrations.requireSecretKey();
                health.requireReachable(url.substring(0, url.length() - WebhookRegistrations.PATH.length()));
                List<String> types = registrations.connect(url);
                return "Oktopost now sends " + String.join(", ", types) + " to " + url + ".";
            });
        } else if (words[0].equalsIgnoreCase("disconnect")) {
            afterAck.respond(context, () -> {
                users.requireAdmin(userId, "remove Oktopost webhooks");
                return "Removed " + registrations.disconnect() + " webhook(s) from Oktopost.";
            });
        } else {
            return context.ack("Usage: `" + usage() + "`");
        }
        return context.ack();
    }

    private String status() {
        List<WebhookRegistration> registered = registrations.registered();
        String list = registered.isEmpty()
                ? "No webhooks registered by okto-slack (webhooks set up by hand work too, with their secret in OKTOPOST_WEBHOOK_SECRETS)."
                : registered.stream().map(r -> "• " + r.eventType() + " → " + r.url()).collect(Collectors.joining("\n"));
        return list + "\nHandled events: " + String.join(", ", registrations.eventTypes())
                + "\nInbox: " + inbox.countByStatus(InboxEntry.PENDING) + " waiting, "
                + inbox.countByStatus(InboxEntry.FAILED) + " failed.";
    }
}
