package com.oktoslack.oktopost;

import com.oktoslack.oktopost.Envelopes.AdvocateReply;
import com.oktoslack.oktopost.Envelopes.ListReply;
import com.oktoslack.oktopost.Envelopes.MeReply;
import com.oktoslack.oktopost.Envelopes.MessageReply;
import com.oktoslack.oktopost.Envelopes.PostReply;
import com.oktoslack.oktopost.Envelopes.PostsReply;
import com.oktoslack.oktopost.Envelopes.StepReply;
import com.oktoslack.oktopost.Envelopes.StoryCreatedReply;
import com.oktoslack.oktopost.Envelopes.StoryReply;
import com.oktoslack.oktopost.Envelopes.UploadReply;
import com.oktoslack.oktopost.Envelopes.VideoValidationReply;
import com.oktoslack.oktopost.Envelopes.WebhookReply;
import com.oktoslack.oktopost.Envelopes.WorkflowItemReply;
import com.oktoslack.oktopost.Envelopes.WorkflowItemsReply;
import com.oktoslack.oktopost.Envelopes.WorkflowReply;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * One method per Oktopost request, each one HTTP call through the budget and error translation. The
 * {@link Idempotent} ones are retried as a whole, so every attempt is budgeted again.
 */
@Singleton
class OktopostRequests {

    private final OktopostClient client;
    private final OktopostCalls calls;

    OktopostRequests(OktopostClient client, OktopostCalls calls) {
        this.client = client;
        this.calls = calls;
    }

    @Idempotent
    public MeReply me() {
        return calls.call("GET /me", client::me);
    }

    @Idempotent
    public ListReply<Workflow> workflows() {
        return calls.call("GET /workflow", () -> client.workflows(1));
    }

    @Idempotent
    public WorkflowReply workflow(String id) {
        return calls.call("GET /workflow/{id}", () -> client.workflow(id, 1));
    }

    @Idempotent
    public StepReply step(String id) {
        return calls.call("GET /workflow-step/{id}", () -> client.step(id));
    }

    @Idempotent
    public ListReply<WorkflowStep> steps(@Nullable String workflowId) {
        return calls.call("GET /workflow-step", () -> client.steps(workflowId));
    }

    @Idempotent
    public WorkflowItemsReply workflowItems(WorkflowItemQuery q) {
        return calls.call("GET /workflow-item", () -> client.workflowItems(q.workflowId(), q.stepId(), q.page(), q.count(),
                flag(q.withSteps()), flag(q.withAuthors()), flag(q.withHistory())));
    }

    public WorkflowItemReply sendToWorkflow(Map<String, String> form) {
        return calls.call("POST /workflow-item", () -> client.sendToWorkflow(form));
    }

    /** Not retried: a repeated approval could approve the next step too (unless a stepId guards it). */
    public WorkflowItemReply decide(String entityId, Map<String, String> form) {
        return calls.call("POST /workflow-item/{entityId}", () -> client.decide(entityId, form));
    }

    @Idempotent
    public void removeFromWorkflow(String entityId) {
        calls.callExpectingNothing("DELETE /workflow-item/{entityId}", () -> client.removeFromWorkflow(entityId));
    }

    @Idempotent
    public MessageReply message(String id) {
        return calls.call("GET /message/{id}", () -> client.message(id));
    }

    @Idempotent
    public ListReply<Message> messages(String commaSeparatedIds, int page, int count) {
        return calls.call("GET /message?ids", () -> client.messages(commaSeparatedIds, page, count));
    }

    public MessageReply createMessage(Map<String, String> form) {
        return calls.call("POST /message", () -> client.createMessage(form));
    }

    @Idempotent
    public void deleteMessage(String id) {
        calls.callExpectingNothing("DELETE /message/{id}", () -> client.deleteMessage(id));
    }

    @Idempotent
    public PostReply post(String id) {
        return calls.call("GET /post/{id}", () -> client.post(id));
    }

    @Idempotent
    public ListReply<Post> posts(PostQuery q) {
        return calls.call("GET /post", () -> client.posts(q.campaignId(), q.messageId(), q.status(), q.createdBy(),
                q.after() == null ? null : OktopostDates.format(q.after()),
                q.before() == null ? null : OktopostDates.format(q.before()),
                q.order(), q.page(), q.count()));
    }

    public PostsReply createPosts(Map<String, String> form) {
        return calls.call("POST /post", () -> client.createPosts(form));
    }

    /** Setting the same fields twice leaves the same post, so this one is safe to repeat. */
    @Idempotent
    public PostsReply updatePost(String id, Map<String, String> form) {
        return calls.call("POST /post/{id}", () -> client.updatePost(id, form));
    }

    @Idempotent
    public void deletePost(String id) {
        calls.callExpectingNothing("DELETE /post/{id}", () -> client.deletePost(id));
    }

    @Idempotent
    public StoryReply story(String id) {
        return calls.call("GET /story/{id}", () -> client.story(id));
    }

    @Idempotent
    public ListReply<Story> stories(@Nullable String boardId, int page, int count) {
        return calls.call("GET /story", () -> client.stories(boardId, page, count));
    }

    public StoryCreatedReply createStory(Map<String, String> form) {
        return calls.call("POST /story", () -> client.createStory(form));
    }

    @Idempotent
    public AdvocateReply advocate(String id, @Nullable String boardId) {
        return calls.call("GET /advocate/{id}", () -> client.advocate(id, boardId));
    }

    @Idempotent
    public ListReply<Advocate> advocatesByEmail(String email) {
        return calls.call("GET /advocate?email", () -> client.advocatesByEmail(email));
    }

    @Idempotent
    public ListReply<User> users(int page, int count) {
        return calls.call("GET /user", () -> client.users(page, count));
    }

    @Idempotent
    public ListReply<Credential> credentials(int page, int count) {
        return calls.call("GET /credential", () -> client.credentials(page, count));
    }

    @Idempotent
    public ListReply<Campaign> activeCampaigns(int page, int count) {
        return calls.call("GET /campaign", () -> client.campaigns("active", page, count));
    }

    @Idempotent
    public ListReply<Board> boards(int page, int count) {
        return calls.call("GET /board", () -> client.boards(page, count));
    }

    @Idempotent
    public ListReply<Webhook> webhooks(int page, int count) {
        return calls.call("GET /webhook", () -> client.webhooks(page, count));
    }

    public WebhookReply addWebhook(Map<String, String> form) {
        return calls.call("POST /webhook", () -> client.addWebhook(form));
    }

    /** Setting the same fields twice gives the same webhook, so this one is safe to repeat. */
    @Idempotent
    public WebhookReply updateWebhook(String id, Map<String, String> form) {
        return calls.call("POST /webhook/{id}", () -> client.updateWebhook(id, form));
    }

    @Idempotent
    public void deleteWebhook(String id) {
        calls.callExpectingNothing("DELETE /webhook/{id}", () -> client.deleteWebhook(id));
    }

    private static @Nullable Integer flag(boolean on) {
        return on ? 1 : null;
    }

    @Idempotent
    public ListReply<WebhookLogEntry> webhookLog(String webhookId, int page, int count) {
        return calls.call("GET /webhook-log/{webhookId}", () -> client.webhookLog(webhookId, page, count));
    }

    // ---- what became of posts

    @Idempotent
    public Envelopes.PostLogsReply postLogs(String postId, int page, int count) {
        return calls.call("GET /postlog", () -> client.postLogs(postId, page, count));
    }

    @Idempotent
    public Envelopes.PostStatsReply postStats(String postId) {
        return calls.call("GET /post/{id}?stats", () -> client.postStats(postId, 1));
    }

    // ---- media from Slack

    /** Not retried: a repeat would start a second download of the same file. */
    public UploadReply createUpload(Map<String, String> form) {
        return calls.call("POST /upload", () -> client.createUpload(form));
    }

    @Idempotent
    public UploadReply upload(String id) {
        return calls.call("GET /upload/{id}", () -> client.upload(id));
    }

    @Idempotent
    public void deleteMedia(String id) {
        calls.callExpectingNothing("DELETE /media/{id}", () -> client.deleteMedia(id));
    }

    @Idempotent
    public VideoValidationReply validateVideo(String mediaId) {
        return calls.call("GET /video-validate/{mediaId}", () -> client.validateVideo(mediaId));
    }
}
