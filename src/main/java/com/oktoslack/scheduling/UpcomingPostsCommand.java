package com.oktoslack.scheduling;

import com.oktoslack.access.Audience;
import com.oktoslack.oktopost.Credential;
import com.oktoslack.oktopost.Message;
import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.oktopost.Post;
import com.oktoslack.oktopost.PostQuery;
import com.oktoslack.oktopost.TimeZones;
import com.oktoslack.results.MadePosts;
import com.oktoslack.slack.AfterAck;
import com.oktoslack.slack.Mrkdwn;
import com.oktoslack.slack.OktoSubcommand;
import com.oktoslack.slack.SlackUsers;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** {@code /okto posts}: what goes out in the next 7 days, by day in the person's time zone; only they see it. */
@Singleton
class UpcomingPostsCommand implements OktoSubcommand {

    static final Duration AHEAD = Duration.ofDays(7);
    static final int MAX_LINES = 40;
    static final int SNIPPET = 80;
    /** Scheduled, or queued: both go out unless someone stops them. */
    static final Set<String> GOING_OUT = Set.of("pending", "inqueue");

    private final Oktopost oktopost;
    private final SlackUsers users;
    private final Audience audience;
    private final MadePosts madePosts;
    private final AfterAck afterAck;
    private final Clock clock;

    UpcomingPostsCommand(Oktopost oktopost, SlackUsers users, Audience audience, MadePosts madePosts, AfterAck afterAck,
                         Clock clock) {
        this.madePosts = madePosts;
        this.oktopost = oktopost;
        this.users = users;
        this.audience = audience;
        this.afterAck = afterAck;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "posts";
    }

    @Override
    public String usage() {
        return "/okto posts";
    }

    @Override
    public String summary() {
        return "list the posts going out in the next 7 days";
    }

    @Override
    public Response handle(String args, SlashCommandRequest request, SlashCommandContext context) {
        String userId = request.getPayload().getUserId();
        afterAck.respond(context, () -> upcoming(userId));
        return context.ack();
    }

    /** The whole account's calendar. */
    String upcoming(String userId) throws Exception {
        audience.oktopostUser(userId, "the posting calendar");
        return calendar(userId, post -> true, "*Going out in the next 7 days*",
                "Nothing is scheduled to go out in the next 7 days.");
    }

    /**
     * The person's own posts: those they created in Oktopost, and those the app made for them from Slack (which
     * Oktopost knows as the API user's).
     */
    String theirs(String userId) throws Exception {
        String oktopostUserId = audience.oktopostUser(userId, "the posting calendar").oktopostUserId();
        Set<String> madeFromSlack = madePosts.waitingOf(userId);
        return calendar(userId, post -> Objects.equals(oktopostUserId, post.createdBy()) || madeFromSlack.contains(post.id()),
                "*Your posts in the next 7 days*", "None of your posts is scheduled to go out in the next 7 days.");
    }

    private String calendar(String userId, Predicate<Post> shownPost, String title, String none) throws Exception {
        ZoneId zone = TimeZones.of(users.user(userId).timeZone());
        Instant now = clock.instant();
        List<Post> posts = oktopost.allPosts(PostQuery.scheduledBetween(now, now.plus(AHEAD))).stream()
                .filter(shownPost)
                .filter(p -> p.status() != null && GOING_OUT.contains(p.status()))
                .filter(p -> p.startAt() != null)
                .sorted(Comparator.comparing(Post::startAt))
                .toList();
        if (posts.isEmpty()) {
            return none;
        }
        List<Post> shown = posts.subList(0, Math.min(MAX_LINES, posts.size()));
        Map<String, String> texts = oktopost.messages(shown.stream().map(Post::messageId).filter(Objects::nonNull).toList())
                .stream().collect(Collectors.toMap(Message::id, m -> m.message() == null ? "" : m.message(), (a, b) -> a));
        Map<String, Credential> profiles = oktopost.credentials(null).stream()
                .collect(Collectors.toMap(Credential::id, Function.identity(), (a, b) -> a));

        Map<LocalDate, List<Post>> byDay = new LinkedHashMap<>();
        shown.forEach(p -> byDay.computeIfAbsent(p.startAt().atZone(zone).toLocalDate(), d -> new ArrayList<>()).add(p));
        StringBuilder text = new StringBuilder(title).append(" (")
                .append(ScheduleReports.count(posts.size(), "post")).append("):");
        byDay.forEach((day, dayPosts) -> {
            text.append("\n\n*").append(Mrkdwn.day(day, zone)).append("*");
            for (Post post : dayPosts) {
                text.append("\n• ").append(Mrkdwn.date(post.startAt(), "{time}"))
                        .append(" · ").append(Networks.offered(post.network()).map(Networks::label)
                                .orElse(post.network() == null ? "?" : post.network()))
                        .append(" · ").append(Mrkdwn.escape(profileNames(post, profiles)));
                if ("inqueue".equals(post.status())) {
                    text.append(" (queued)");
                }
                String snippet = Mrkdwn.snippet(texts.getOrDefault(post.messageId(), ""), SNIPPET);
                if (!snippet.isEmpty()) {
                    text.append(" — ").append(Mrkdwn.escape(snippet));
                }
            }
        });
        if (posts.size() > shown.size()) {
            text.append("\n\n…and ").append(posts.size() - shown.size()).append(" more; Oktopost's calendar has them all.");
        }
        return text.toString();
    }

    private static String profileNames(Post post, Map<String, Credential> profiles) {
        if (post.credentialIds().isEmpty()) {
            return "no profile";
        }
        return post.credentialIds().stream()
                .map(id -> profiles.containsKey(id) ? ScheduleChoices.name(profiles.get(id)) : id)
                .collect(Collectors.joining(", "));
    }
}
