package com.oktoslack.stories;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.oktoslack.oktopost.Message;
import com.oktoslack.oktopost.NewMessage;
import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.oktopost.Post;
import com.oktoslack.oktopost.PostQuery;
import com.oktoslack.oktopost.Story;
import com.oktoslack.oktopost.StoryMessage;
import com.oktoslack.results.MadePosts;
import com.oktoslack.slack.Mrkdwn;
import com.oktoslack.slack.PrivateReplies;
import com.oktoslack.slack.UserFacingException;
import io.micronaut.core.util.StringUtils;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries out a share: per network, the story's message (or the advocate's edited text, saved as a message
 * first) is scheduled to the chosen profiles in one call. Each step's progress is saved, so a resumed share
 * skips what is done and, where an answer was lost, asks Oktopost which posts exist before posting again.
 */
@Singleton
class ShareWork implements StoryRequests.Work {

    static final String KIND = "share";
    /** Posts created this long before the request still count as its own when looking for lost answers. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    private final Oktopost oktopost;
    private final PrivateReplies replies;
    private final ObjectMapper json;
    /** Told of the posts made, so the advocate hears where they went live and how they did. */
    @Inject
    MadePosts madePosts;

    ShareWork(Oktopost oktopost, PrivateReplies replies, ObjectMapper json) {
        this.oktopost = oktopost;
        this.replies = replies;
        this.json = json;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void perform(StoryRequest request, StoryRequests.Progress progress) throws Exception {
        SharePlan plan = json.readValue(request.payload(), SharePlan.class);
        Story story = null;
        for (int i = 0; i < plan.steps().size(); i++) {
            SharePlan.Step step = plan.steps().get(i);
            if (SharePlan.DONE.equals(step.stage())) {
                continue;
            }
            String messageId = step.messageId();
            if (step.text() != null) {
                if (step.ownMessageId() == null) {
                    story = story != null ? story : oktopost.story(plan.storyId());
                    Message own = oktopost.createMessage(editedMessage(story, step));
                    step = step.withOwnMessage(own.id());
                    plan = plan.withStep(i, step);
                    progress.save(plan);
                }
                messageId = step.ownMessageId();
            }
            List<String> postIds = new ArrayList<>(step.postIds());
            List<String> missing = new ArrayList<>(step.credentialIds());
            if (SharePlan.SENDING.equals(step.stage())) {
                // Every advocate's share of the story uses its message: only posts made since this request count.
                Instant since = request.createdAt().minus(CLOCK_SKEW);
                for (Post post : oktopost.allPosts(PostQuery.all().withMessageId(messageId).orderBy("created,1").between(since, null))) {
                    Instant created = post.createdAt();
                    boolean ours = created == null || !created.isBefore(since);
                    if (ours && missing.removeAll(post.credentialIds())) {
                        postIds.add(post.id());
                    }
                }
            }
            if (!missing.isEmpty()) {
                step = step.sending();
                plan = plan.withStep(i, step);
                progress.save(plan);
                oktopost.createPosts(messageId, missing, plan.startInstant(), null).forEach(p -> postIds.add(p.id()));
            }
            madePosts.shared(request.slackUserId(), postIds);
            plan = plan.withStep(i, step.done(postIds));
            progress.save(plan);
        }
        replies.tell(PrivateReplies.Recipient.direct(request.slackUserId()), confirmation(plan));
    }

    @Override
    public void tellFailure(StoryRequest request, String reason, boolean willRetry) {
        SharePlan plan;
        try {
            plan = json.readValue(request.payload(), SharePlan.class);
        } catch (IOException e) {
            replies.tell(PrivateReplies.Recipient.direct(request.slackUserId()), ":warning: I could not share the story: " + reason);
            return;
        }
        String title = Mrkdwn.escape(plan.title());
        if (willRetry) {
            replies.tell(PrivateReplies.Recipient.direct(request.slackUserId()), "Oktopost is not answering right now, so sharing *" + title
                    + "* takes a little longer. I keep trying and will tell you when it is done.");
            return;
        }
        List<String> shared = plan.steps().stream().filter(s -> SharePlan.DONE.equals(s.stage()))
                .flatMap(s -> s.labels().stream()).toList();
        replies.tell(PrivateReplies.Recipient.direct(request.slackUserId()), ":warning: I could not share *" + title + "*: " + reason
                + (shared.isEmpty() ? "" : " It did go to " + Mrkdwn.escape(joinWithAnd(shared)) + "."));
    }

    static String confirmation(SharePlan plan) {
        String when = plan.startInstant() == null ? "It goes out in a minute or so."
                : "It goes out " + Mrkdwn.date(plan.startInstant(), "{date_short_pretty} at {time}") + ".";
        return ":white_check_mark: Shared *" + Mrkdwn.escape(plan.title()) + "* to "
                + Mrkdwn.escape(joinWithAnd(plan.labels())) + ". " + when;
    }

    /**
     * The advocate's own words, with the story's link preview when the story's message has one. Oktopost takes a
     * link attachment only with all four of its fields; short of one, the link goes into the text instead.
     */
    private static NewMessage editedMessage(Story story, SharePlan.Step step) {
        if (story.campaignId() == null || story.campaignId().isBlank()) {
            throw new UserFacingException("This story belongs to no campaign in Oktopost, so your edited " + step.network()
                    + " text cannot be saved. Share it as it is written, or ask a board manager to fix the story.");
        }
        StoryMessage original = StoryContent.messageFor(story, step.network()).orElse(null);
        String url = original != null && Mrkdwn.isWebUrl(original.linkUrl()) ? original.linkUrl()
                : StoryContent.link(story).orElse(null);
        if (url == null) {
            return NewMessage.text(step.network(), story.campaignId(), step.text());
        }
        String title = firstPresent(original == null ? null : original.linkTitle(), story.linkTitle(), StoryContent.title(story));
        String description = firstPresent(original == null ? null : original.description(), story.linkDescription(),
                StoryContent.description(story));
        String image = firstPresent(original == null ? null : original.imageUrl(), StoryContent.image(story).orElse(null));
        if (title.isEmpty() || description.isEmpty() || image.isEmpty()) {
            String text = step.text().contains(url) ? step.text() : step.text().strip() + " " + url;
            return NewMessage.text(step.network(), story.campaignId(), text);
        }
        return NewMessage.text(step.network(), story.campaignId(), step.text()).withLink(url, title, description, image);
    }

    private static String firstPresent(String... values) {
        for (String value : values) {
            if (StringUtils.hasText(value)) {
                return value.strip();
            }
        }
        return "";
    }

    static String joinWithAnd(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
