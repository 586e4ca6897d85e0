package com.oktoslack.stories;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.oktoslack.oktopost.NewStory;
import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.oktopost.Story;
import com.oktoslack.slack.Mrkdwn;
import com.oktoslack.slack.PrivateReplies;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatGetPermalinkResponse;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * Creates the suggested story, as a draft or sent to approval. When an earlier attempt's answer was lost,
 * the board's newest stories are searched for it first, so the story is not created twice. Oktopost may
 * answer the creation with a bare {@code Result}: that is success, and the suggester is told so by name.
 */
@Singleton
class SuggestWork implements StoryRequests.Work {

    static final String KIND = "suggest";

    private static final Logger LOG = LoggerFactory.getLogger(SuggestWork.class);

    private final Oktopost oktopost;
    private final MethodsClient slack;
    private final PrivateReplies replies;
    private final ObjectMapper json;

    SuggestWork(Oktopost oktopost, MethodsClient slack, PrivateReplies replies, ObjectMapper json) {
        this.oktopost = oktopost;
        this.slack = slack;
        this.replies = replies;
        this.json = json;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void perform(StoryRequest request, StoryRequests.Progress progress) throws Exception {
        SuggestPlan plan = json.readValue(request.payload(), SuggestPlan.class);
        if (SuggestPlan.DONE.equals(plan.stage())) {
            return;
        }
        String storyId = SuggestPlan.SENDING.equals(plan.stage())
                ? oktopost.findStory(plan.boardId(), plan.title(), request.createdAt()).map(Story::id).orElse(null) : null;
        if (storyId == null) {
            plan = plan.sending();
            progress.save(plan);
            NewStory story = NewStory.of(plan.boardId(), plan.title(), plan.description(), plan.campaignId()).withLink(plan.link());
            storyId = oktopost.createStory(plan.workflowId() == null ? story.asDraft() : story.toApproval(plan.workflowId())).id();
        }
        plan = plan.done(storyId);
        progress.save(plan);
        replies.tell(PrivateReplies.Recipient.direct(request.slackUserId()), confirmation(plan, permalink(plan)));
    }

    @Override
    public void tellFailure(StoryRequest request, String reason, boolean willRetry) {
        String title = "the story";
        try {
            title = Mrkdwn.escape(json.readValue(request.payload(), SuggestPlan.class).title());
        } catch (Exception e) {
            LOG.debug("Unreadable plan in story request {}", request.viewId(), e);
        }
        replies.tell(PrivateReplies.Recipient.direct(request.slackUserId()), willRetry
                ? "Oktopost is not answering right now, so suggesting *" + title + "* takes a little longer. "
                + "I keep trying and will tell you when it is done."
                : ":warning: I could not suggest *" + title + "* as a story: " + reason);
    }

    static String confirmation(SuggestPlan plan, String permalink) {
        String title = plan.link() == null ? Mrkdwn.escape(plan.title()) : Mrkdwn.link(plan.link(), plan.title());
        String what = plan.workflowId() == null
                ? "as a draft story on *" + Mrkdwn.escape(plan.boardName()) + "*, for the board's managers to review."
                : "as a story on *" + Mrkdwn.escape(plan.boardName()) + "* and sent it to approval in *"
                + Mrkdwn.escape(plan.workflowName()) + "*.";
        String source = permalink == null ? "" : " From " + Mrkdwn.link(permalink, "this message") + ".";
        return ":white_check_mark: Suggested *" + title + "* " + what + source;
    }

    private String permalink(SuggestPlan plan) {
        try {
            ChatGetPermalinkResponse response = slack.chatGetPermalink(r -> r.channel(plan.sourceChannel()).messageTs(plan.sourceTs()));
            return response.isOk() && Mrkdwn.isWebUrl(response.getPermalink()) ? response.getPermalink() : null;
        } catch (Exception e) {
            LOG.info("No permalink for {}/{}: {}", plan.sourceChannel(), plan.sourceTs(), e.toString());
            return null;
        }
    }
}
