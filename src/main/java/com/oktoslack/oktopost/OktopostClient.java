package com.oktoslack.oktopost;

import com.fasterxml.jackson.databind.JsonNode;
import com.oktoslack.oktopost.Envelopes.Ack;
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
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;

import java.util.Map;

/**
 * Oktopost's REST API, relative to the configured base URL (which ends in {@code /v2}). Every method answers
 * with the whole {@link HttpResponse} because the declarative client turns a 404 into a null body; with the
 * response in hand {@link OktopostCalls} can still read Oktopost's message. POST bodies are form fields.
 */
@Client(id = "oktopost", errorType = JsonNode.class)
@Header(name = "Accept", value = MediaType.APPLICATION_JSON)
interface OktopostClient {

    String FORM = MediaType.APPLICATION_FORM_URLENCODED;

    @Get("/me")
    HttpResponse<MeReply> me();

    @Get("/workflow")
    HttpResponse<ListReply<Workflow>> workflows(@QueryValue @Nullable Integer withSteps);

    @Get("/workflow/{id}")
    HttpResponse<WorkflowReply> workflow(String id, @QueryValue @Nullable Integer withSteps);

    @Get("/workflow-step/{id}")
    HttpResponse<StepReply> step(String id);

    @Get("/workflow-step")
    HttpResponse<ListReply<WorkflowStep>> steps(@QueryValue @Nullable String workflowId);

    @Get("/workflow-item")
    HttpResponse<WorkflowItemsReply> workflowItems(@QueryValue @Nullable String workflowId,
                                                   @QueryValue @Nullable String stepId,
                                                   @QueryValue int page,
                                                   @QueryValue int count,
                                                   @QueryValue @Nullable Integer withSteps,
                                                   @QueryValue @Nullable Integer withAuthors,
                                                   @QueryValue @Nullable Integer withHistory);

    /** Fields: entityId, workflowId. */
    @Post(value = "/workflow-item", produces = FORM)
    HttpResponse<WorkflowItemReply> sendToWorkflow(@Body Map<String, String> form);

    /** Fields: isApprove (1/0), note, stepId. */
    @Post(value = "/workflow-item/{entityId}", produces = FORM)
    HttpResponse<WorkflowItemReply> decide(String entityId, @Body Map<String, String> form);

    @Delete("/workflow-item/{entityId}")
    HttpResponse<Ack> removeFromWorkflow(String entityId);

    @Get("/message/{id}")
    HttpResponse<MessageReply> message(String id);

    /** At most 100 comma-separated ids; the answer pages like every list. */
    @Get("/message")
    HttpResponse<ListReply<Message>> messages(@QueryValue String ids,
                                              @QueryValue("_page") int page,
                                              @QueryValue("_count") int count);

    @Post(value = "/message", produces = FORM)
    HttpResponse<MessageReply> createMessage(@Body Map<String, String> form);

    @Delete("/message/{id}")
    HttpResponse<Ack> deleteMessage(String id);

    @Get("/post/{id}")
    HttpResponse<PostReply> post(String id);

    @Get("/post")
    HttpResponse<ListReply<com.oktoslack.oktopost.Post>> posts(@QueryValue @Nullable String campaignId,
                                        @QueryValue @Nullable String messageId,
                                        @QueryValue @Nullable String status,
                                        @QueryValue @Nullable String createdBy,
                                        @QueryValue @Nullable String after,
                                        @QueryValue @Nullable String before,
                                        @QueryValue("_order") @Nullable String order,
                                        @QueryValue("_page") int page,
                                        @QueryValue("_count") int count);

    /** Fields: messageId, credentialIds (comma-separated), startDateTime (unix seconds), status. */
    @Post(value = "/post", produces = FORM)
    HttpResponse<PostsReply> createPosts(@Body Map<String, String> form);

    @Post(value = "/post/{id}", produces = FORM)
    HttpResponse<PostsReply> updatePost(String id, @Body Map<String, String> form);

    @Delete("/post/{id}")
    HttpResponse<Ack> deletePost(String id);

    @Get("/story/{id}")
    HttpResponse<StoryReply> story(String id);

    @Get("/story")
    HttpResponse<ListReply<Story>> stories(@QueryValue @Nullable String boardId,
                                           @QueryValue("_page") int page,
                                           @QueryValue("_count") int count);

    @Post(value = "/story", produces = FORM)
    HttpResponse<StoryCreatedReply> createStory(@Body Map<String, String> form);

    @Get("/advocate/{id}")
    HttpResponse<AdvocateReply> advocate(String id, @QueryValue @Nullable String boardId);

    @Get("/advocate")
    HttpResponse<ListReply<Advocate>> advocatesByEmail(@QueryValue String email);

    @Get("/user")
    HttpResponse<ListReply<User>> users(@QueryValue("_page") int page, @QueryValue("_count") int count);

    @Get("/credential")
    HttpResponse<ListReply<Credential>> credentials(@QueryValue("_page") int page, @QueryValue("_count") int count);

    @Get("/campaign")
    HttpResponse<ListReply<Campaign>> campaigns(@QueryValue @Nullable String status,
                                                @QueryValue("_page") int page,
                                                @QueryValue("_count") int count);

    @Get("/board")
    HttpResponse<ListReply<Board>> boards(@QueryValue("_page") int page, @QueryValue("_count") int count);

    @Get("/webhook")
    HttpResponse<ListReply<Webhook>> webhooks(@QueryValue("_page") int page, @QueryValue("_count") int count);

    /** Fields: event, name, description, url, isEnabled. */
    @Post(value = "/webhook", produces = FORM)
    HttpResponse<WebhookReply> addWebhook(@Body Map<String, String> form);

    @Post(value = "/webhook/{id}", produces = FORM)
    HttpResponse<WebhookReply> updateWebhook(String id, @Body Map<String, String> form);

    @Delete("/webhook/{id}")
    HttpResponse<Ack> deleteWebhook(String id);

    @Get("/webhook-log/{webhookId}")
    HttpResponse<ListReply<WebhookLogEntry>> webhookLog(String webhookId, @QueryValue("_page") int page,
                                                        @QueryValue("_count") int count);

    // ---- what became of posts

    /** The social posts of a post, one per profile it went to; pages like every list. */
    @Get("/postlog")
    HttpResponse<Envelopes.PostLogsReply> postLogs(@QueryValue String postId,
                                                  @QueryValue("_page") int page,
                                                  @QueryValue("_count") int count);

    @Get("/post/{id}")
    HttpResponse<Envelopes.PostStatsReply> postStats(String id, @QueryValue int stats);

    // ---- media from Slack

    /** Fields: source (a public URL answering HEAD and ranged GET), name, mimeType. */
    @Post(value = "/upload", produces = FORM)
    HttpResponse<UploadReply> createUpload(@Body Map<String, String> form);

    @Get("/upload/{id}")
    HttpResponse<UploadReply> upload(String id);

    @Delete("/media/{id}")
    HttpResponse<Ack> deleteMedia(String id);

    @Get("/video-validate/{mediaId}")
    HttpResponse<VideoValidationReply> validateVideo(String mediaId);
}
