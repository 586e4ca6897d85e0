package com.oktoslack.slack;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where each kind of card goes: a channel per approval workflow, and one for advocacy stories. */
@Singleton
public class ChannelRoutes {

    public static final String STORIES = "stories";
    private static final Pattern CHANNEL = Pattern.compile("^<#([CG][A-Z0-9]+)(?:\\|[^>]*)?>$|^([CG][A-Z0-9]{6,})$");

    private final ChannelRouteRepository repository;
    private final SlackSettings settings;
    private final Clock clock;

    ChannelRoutes(ChannelRouteRepository repository, SlackSettings settings, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.clock = clock;
    }

    public static String workflowKey(String workflowId) {
        return "workflow:" + workflowId;
    }

    /** The channel for a workflow's approval cards: its own route, else {@code SLACK_APPROVALS_CHANNEL}. */
    public Optional<String> approvalsChannel(String workflowId) {
        return repository.findById(workflowKey(workflowId)).map(ChannelRoute::channelId)
                .or(() -> settings.hasApprovalsChannel() ? Optional.of(settings.approvalsChannel()) : Optional.empty());
    }

    public Optional<String> storiesChannel() {
        return repository.findById(STORIES).map(ChannelRoute::channelId);
    }

    public Optional<ChannelRoute> route(String key) {
        return repository.findById(key);
    }

    public List<ChannelRoute> all() {
        return repository.findAll();
    }

    public void set(String key, String channelId, String label, String setBy) {
        ChannelRoute route = new ChannelRoute(key, channelId, label, setBy, Instant.now(clock));
        if (repository.existsById(key)) {
            repository.update(route);
        } else {
            repository.save(route);
        }
    }

    public boolean remove(String key) {
        boolean existed = repository.existsById(key);
        repository.deleteById(key);
        return existed;
    }

    /** A channel as Slack escapes it in a slash command ({@code <#C123|name>}), or a bare channel id. */
    public static Optional<String> parseChannel(String text) {
        Matcher matcher = CHANNEL.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
    }
}
