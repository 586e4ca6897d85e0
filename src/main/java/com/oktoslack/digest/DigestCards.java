package com.oktoslack.digest;

import com.oktoslack.digest.DigestSnapshot.PostLine;
import com.oktoslack.digest.DigestSnapshot.PostList;
import com.oktoslack.digest.DigestSnapshot.SentPost;
import com.oktoslack.digest.DigestSnapshot.StoryLine;
import com.oktoslack.digest.DigestSnapshot.StoryList;
import com.oktoslack.digest.DigestSnapshot.WaitingItem;
import com.oktoslack.digest.WaitingQueues.StepQueue;
import com.oktoslack.digest.WaitingQueues.WorkflowQueue;
import com.oktoslack.slack.BlockKitLimits;
import com.oktoslack.slack.Mrkdwn;
import com.slack.api.model.block.LayoutBlock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/** The digest messages: a channel's daily overview and an approver's personal list, rendered from a snapshot. */
final class DigestCards {

    /** What goes to chat.postMessage: the notification text and the blocks. */
    record DigestMessage(String text, List<LayoutBlock> blocks) {
    }

    static final int MAX_WORKFLOWS = 15;
    private static final int SNIPPET = 80;
    private static final int REASON = 120;
    static final int TOP_POSTS = 3;
    private static final int SECTION_LIMIT = BlockKitLimits.SECTION_TEXT;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter FALLBACK_TIME = DateTimeFormatter.ofPattern("MMM d HH:mm z", Locale.ENGLISH);

    private DigestCards() {
    }

    static DigestMessage channel(DigestSnapshot snapshot, ZoneId zone, LocalDate day) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("Oktopost daily digest"))));
        blocks.add(context(c -> c.elements(List.of(markdownText(DAY.format(day) + " · " + zone.getId())))));
        blocks.addAll(approvals(snapshot.waiting(), snapshot.takenAt(), "Waiting for approval",
                "Nothing is waiting for approval. :tada:"));
        blocks.add(divider());
        blocks.add(mrkdwn(postSection(":rocket: *Going out in the next 24 hours*", snapshot.upcoming(), zone, false,
                "Nothing is scheduled for the next 24 hours.")));
        blocks.add(divider());
        blocks.add(mrkdwn(postSection(":warning: *Failed in the last 24 hours*", snapshot.failed(), zone, true,
                "No post failed. :white_check_mark:")));
        blocks.add(divider());
        blocks.add(mrkdwn(topPosts(snapshot.sent(), zone, day)));
        if (snapshot.stories() != null) {
            blocks.add(divider());
            blocks.add(mrkdwn(storySection(snapshot.stories(), zone)));
        }
        blocks.add(context(c -> c.elements(List.of(markdownText(
                "Times are shown in your own time zone. Change or stop this digest with `/okto digest`.")))));
        String text = "Oktopost daily digest: " + count(snapshot.waiting().size(), "item") + " waiting for approval, "
                + count(snapshot.upcoming().total(), "post") + " going out in the next 24 hours, "
                + snapshot.failed().total() + " failed"
                + (snapshot.stories() == null ? "" : ", " + count(snapshot.stories().shown().size(), "new story", "new stories"));
        return new DigestMessage(text, blocks);
    }

    static DigestMessage personal(DigestSnapshot snapshot, String oktopostUserId, Set<String> approvedAlready, ZoneId zone,
                                  LocalDate day) {
        List<WaitingItem> mine = WaitingQueues.forApprover(snapshot.waiting(), oktopostUserId, approvedAlready);
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("Waiting for your approval"))));
        blocks.add(context(c -> c.elements(List.of(markdownText(DAY.format(day) + " · " + zone.getId())))));
        blocks.addAll(approvals(mine, snapshot.takenAt(), "Waiting for you",
                "Nothing is waiting for your approval. :tada:"));
        blocks.add(context(c -> c.elements(List.of(markdownText(
                "Decide on the approval cards or in Oktopost. Stop this DM with `/okto digest me off`.")))));
        String text = mine.isEmpty() ? "Nothing is waiting for your approval."
                : count(mine.size(), "item") + " waiting for your approval";
        return new DigestMessage(text, blocks);
    }

    private static List<LayoutBlock> approvals(List<WaitingItem> items, Instant now, String title, String empty) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (items.isEmpty()) {
            blocks.add(mrkdwn(":hourglass_flowing_sand: *" + title + "*\n" + empty));
            return blocks;
        }
        List<WorkflowQueue> queues = WaitingQueues.of(items);
        blocks.add(mrkdwn(":hourglass_flowing_sand: *" + title + "*: " + count(items.size(), "item") + " in "
                + count(queues.size(), "workflow")));
        for (WorkflowQueue queue : queues.subList(0, Math.min(MAX_WORKFLOWS, queues.size()))) {
            String steps = queue.steps().stream()
                    .map(s -> "• " + Mrkdwn.escape(s.name()) + ": " + waiting(s, now))
                    .collect(Collectors.joining("\n"));
            blocks.add(mrkdwn("*" + Mrkdwn.escape(queue.name()) + "*\n" + steps));
        }
        if (queues.size() > MAX_WORKFLOWS) {
            List<WorkflowQueue> rest = queues.subList(MAX_WORKFLOWS, queues.size());
            int restItems = rest.stream().mapToInt(WorkflowQueue::count).sum();
            blocks.add(context(c -> c.elements(List.of(markdownText("and " + count(rest.size(), "more workflow")
                    + " with " + count(restItems, "item"))))));
        }
        return blocks;
    }

    /** "3 waiting, oldest 2 days". */
    static String waiting(StepQueue step, Instant now) {
        String text = step.count() + " waiting";
        if (step.oldest() != null) {
            text += ", " + (step.count() == 1 ? "for " : "oldest ") + age(Duration.between(step.oldest(), now));
        }
        return text;
    }

    static String age(Duration age) {
        if (age.toDays() >= 1) {
            return count(age.toDays(), "day");
        }
        if (age.toHours() >= 1) {
            return count(age.toHours(), "hour");
        }
        if (age.toMinutes() >= 1) {
            return count(age.toMinutes(), "minute");
        }
        return "under a minute";
    }

    private static String postSection(String title, PostList posts, ZoneId zone, boolean withStatus, String empty) {
        if (posts.total() == 0) {
            return title + "\n" + empty;
        }
        StringBuilder text = new StringBuilder(title).append(": ").append(count(posts.total(), "post"));
        for (PostLine post : posts.shown()) {
            text.append("\n• ").append(date(post.at(), zone));
            if (!post.network().isBlank()) {
                text.append(" · ").append(Mrkdwn.escape(post.network()));
            }
            if (withStatus) {
                text.append(" · ").append(post.status().equalsIgnoreCase("incomplete") ? "partly failed" : "failed");
            }
            if (post.snippet() != null && !post.snippet().isBlank()) {
                text.append(" · “").append(Mrkdwn.escape(Mrkdwn.snippet(post.snippet(), SNIPPET))).append("”");
            }
            if (withStatus && post.reason() != null && !post.reason().isBlank()) {
                text.append(" · _").append(Mrkdwn.escape(Mrkdwn.snippet(post.reason(), REASON))).append("_");
            }
        }
        int more = posts.total() - posts.shown().size();
        if (more > 0) {
            text.append("\n_and ").append(more).append(" more_");
        }
        return text.toString();
    }

    /** The posts sent on the day before {@code day} in the digest's zone with the most clicks, comments and likes. */
    static String topPosts(List<SentPost> sent, ZoneId zone, LocalDate day) {
        String title = ":trophy: *Yesterday's top posts*";
        Instant from = day.minusDays(1).atStartOfDay(zone).toInstant();
        Instant to = day.atStartOfDay(zone).toInstant();
        List<SentPost> yesterday = sent.stream().filter(p -> !p.at().isBefore(from) && p.at().isBefore(to)).toList();
        if (yesterday.isEmpty()) {
            return title + "\nNo post went out yesterday.";
        }
        List<SentPost> top = yesterday.stream().filter(p -> p.engagement() > 0)
                .sorted(Comparator.comparingInt(SentPost::engagement).reversed().thenComparing(SentPost::at))
                .limit(TOP_POSTS).toList();
        if (top.isEmpty()) {
            return title + "\n" + count(yesterday.size(), "post") + " went out yesterday; none has clicks, comments or likes yet.";
        }
        StringBuilder text = new StringBuilder(title).append(": ")
                .append(top.size() == yesterday.size() ? "" : "the best " + top.size() + " of ")
                .append(count(yesterday.size(), "post"));
        for (SentPost post : top) {
            text.append("\n• ");
            if (!post.network().isBlank()) {
                text.append(Mrkdwn.escape(post.network())).append(" · ");
            }
            if (post.snippet() != null && !post.snippet().isBlank()) {
                text.append("“").append(Mrkdwn.escape(Mrkdwn.snippet(post.snippet(), SNIPPET))).append("” · ");
            }
            text.append(count(post.clicks(), "click")).append(" · ").append(count(post.comments(), "comment"))
                    .append(" · ").append(count(post.likes(), "like"));
        }
        return text.toString();
    }

    private static String storySection(StoryList stories, ZoneId zone) {
        String title = ":newspaper: *New on the advocacy board*";
        if (stories.shown().isEmpty()) {
            return title + "\nNo new stories in the last 24 hours.";
        }
        List<StoryLine> shown = stories.shown().subList(0, Math.min(DigestSource.SHOWN, stories.shown().size()));
        int found = stories.shown().size();
        StringBuilder text = new StringBuilder(title).append(": ").append(found).append(stories.more() ? "+" : "")
                .append(found == 1 && !stories.more() ? " story" : " stories");
        for (StoryLine story : shown) {
            text.append("\n• ").append(Mrkdwn.escape(Mrkdwn.snippet(story.title(), SNIPPET)));
            if (story.board() != null) {
                text.append(" _(").append(Mrkdwn.escape(story.board())).append(")_");
            }
            text.append(" · ").append(date(story.at(), zone));
        }
        int more = stories.shown().size() - shown.size();
        if (more > 0 || stories.more()) {
            text.append("\n_and ").append(more).append(stories.more() ? "+" : "").append(" more_");
        }
        return text.toString();
    }

    /** Slack's date token, shown in each reader's time zone; the fallback is in the digest's zone. */
    static String date(Instant at, ZoneId zone) {
        return Mrkdwn.date(at, "{date_short_pretty} at {time}", FALLBACK_TIME.format(at.atZone(zone)));
    }

    private static LayoutBlock mrkdwn(String text) {
        String fitted = text;
        if (text.length() > SECTION_LIMIT) {
            // Cut at a line end, so no date token or link is left half open.
            int end = text.lastIndexOf('\n', SECTION_LIMIT - 2);
            fitted = text.substring(0, end > 0 ? end : SECTION_LIMIT - 2) + "\n…";
        }
        String body = fitted;
        return section(s -> s.text(markdownText(body)));
    }

    static String count(long n, String singular) {
        return count(n, singular, singular + "s");
    }

    static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
