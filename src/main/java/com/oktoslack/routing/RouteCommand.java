package com.oktoslack.routing;

import com.oktoslack.slack.AfterAck;
import com.oktoslack.slack.ChannelRoute;
import com.oktoslack.slack.ChannelRoutes;
import com.oktoslack.slack.Mrkdwn;
import com.oktoslack.slack.OktoSubcommand;
import com.oktoslack.slack.SlackError;
import com.oktoslack.slack.SlackUsers;
import com.oktoslack.slack.UserFacingException;

import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.oktopost.Workflow;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import jakarta.inject.Singleton;

import java.io.IOException;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code /okto route}: which channel gets approval cards per workflow, and story announcements.
 * Workspace admins only, since it moves content in front of other people.
 */
@Singleton
class RouteCommand implements OktoSubcommand {

    private final ChannelRoutes routes;
    private final SlackUsers users;
    private final Oktopost oktopost;
    private final AfterAck afterAck;
    private final MethodsClient slack;

    RouteCommand(ChannelRoutes routes, SlackUsers users, Oktopost oktopost, AfterAck afterAck, MethodsClient slack) {
        this.slack = slack;
        this.routes = routes;
        this.users = users;
        this.oktopost = oktopost;
        this.afterAck = afterAck;
    }

    @Override
    public String name() {
        return "route";
    }

    @Override
    public String usage() {
        return "/okto route <workflow|stories> #channel|off";
    }

    @Override
    public String summary() {
        return "send a workflow's approval cards, or new stories, to a channel (admins); `/okto route` lists the routes";
    }

    @Override
    public Response handle(String args, SlashCommandRequest request, SlashCommandContext context) {
        String userId = request.getPayload().getUserId();
        if (args.isBlank()) {
            afterAck.respond(context, this::describeRoutes);
            return context.ack();
        }
        int split = args.lastIndexOf(' ');
        if (split < 0) {
            return context.ack("Usage: `" + usage() + "`, e.g. `/okto route Legal review #legal-approvals`.");
        }
        String target = args.substring(0, split).strip();
        String where = args.substring(split + 1).strip();
        boolean off = where.equalsIgnoreCase("off");
        Optional<String> channel = ChannelRoutes.parseChannel(where);
        if (!off && channel.isEmpty()) {
            return context.ack("I need a channel: mention it as #channel, or say `off` to remove the route.");
        }
        afterAck.respond(context, () -> {
            users.requireAdmin(userId, "change where cards are posted");
            String[] keyAndLabel = resolve(target);
            if (off) {
                return routes.remove(keyAndLabel[0])
                        ? "Removed the route for " + Mrkdwn.escape(keyAndLabel[1]) + "."
                        : Mrkdwn.escape(keyAndLabel[1]) + " had no route of its own.";
            }
            requireChannel(channel.get());
            routes.set(keyAndLabel[0], channel.get(), keyAndLabel[1], userId);
            return Mrkdwn.escape(keyAndLabel[1]) + " now goes to <#" + channel.get() + ">. Invite me there if it is a private channel.";
        });
        return context.ack();
    }

    /** A channel Slack knows and lets the app see; a private one the app is not in looks unknown too. */
    private void requireChannel(String channelId) throws IOException, SlackApiException {
        ConversationsInfoResponse info = slack.conversationsInfo(r -> r.channel(channelId));
        if (info.isOk()) {
            return;
        }
        if (SlackError.of(info) instanceof SlackError.ChannelNotFound) {
            throw new UserFacingException("Slack knows no channel `" + channelId + "` that I can see. If it is private, "
                    + "invite me there first (`/invite @okto`), then set the route again.");
        }
        throw new UserFacingException("Slack would not tell me about channel `" + channelId + "` (" + Mrkdwn.escape(info.getError())
                + "), so I did not route anything there.");
    }

    /** The route key and a label for people, from "stories" or a workflow's id or name. */
    private String[] resolve(String target) {
        if (target.equalsIgnoreCase(ChannelRoutes.STORIES)) {
            return new String[]{ChannelRoutes.STORIES, "New advocacy stories"};
        }
        List<Workflow> workflows = oktopost.workflows();
        String wanted = target.toLowerCase(Locale.ROOT);
        Workflow match = workflows.stream().filter(w -> w.id().equalsIgnoreCase(target)).findFirst()
                .or(() -> workflows.stream().filter(w -> w.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst())
                .orElseThrow(() -> new UserFacingException("No Oktopost workflow is called \"" + Mrkdwn.escape(target) + "\". Workflows: "
                        + workflows.stream().map(w -> Mrkdwn.escape(w.name())).collect(Collectors.joining(", ")) + "."));
        return new String[]{ChannelRoutes.workflowKey(match.id()), "Workflow " + match.name()};
    }

    private String describeRoutes() {
        List<ChannelRoute> all = routes.all();
        if (all.isEmpty()) {
            return "No routes yet. Approval cards go to the default approvals channel, if one is set.";
        }
        return "Routes:\n" + all.stream()
                .map(r -> "• " + Mrkdwn.escape(r.label() == null ? r.routeKey() : r.label()) + " → <#" + r.channelId() + ">")
                .collect(Collectors.joining("\n"));
    }
}
