package com.oktoslack.oktopost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oktoslack.oktopost.Replies.ListReply;
import com.oktoslack.oktopost.Replies.MeReply;
import com.oktoslack.oktopost.Replies.PostsReply;
import com.oktoslack.oktopost.Replies.StoryCreatedReply;
import com.oktoslack.oktopost.Replies.WorkflowItemsReply;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static com.oktoslack.oktopost.FormFields.form;

/**
 * Everything the app asks of Oktopost. Calls are paced to the account's limits, idempotent ones are retried
 * on 5xx, slow-changing lists are cached, and every failure is an {@link OktopostException}.
 */
@Singleton
public class Oktopost {

    static final int MESSAGE_IDS_PER_CALL = 100;
    static final int MAX_POST_PAGES = 50;
    static final int MAX_WORKFLOW_ITEM_PAGES = 20;

    private final OktopostRequests requests;
    private final OktopostLists lists;
    private final OktopostBudget budget;
    private final ObjectMapper json;

    Oktopost(OktopostRequests requests, OktopostLists lists, OktopostBudget budget, ObjectMapper json) {
        this.requests = requests;
        this.lists = lists;
        this.budget = budget;
        this.json = json;
    }

    // ---- account

    public Me me() {
        MeReply reply = requests.me();
        return new Me(reply.user(), reply.account());
    }

    public BudgetStatus budget() {
        return budget.status();
    }

    /** Drops the cached lists (workflows, users, credentials, campaigns, boards) so the next call refetches. */
    public void forgetCachedLists() {
        lists.forgetAll();
    }

    // ---- workflows

    /** All workflows with their steps; cached. */
    public List<Workflow> workflows() {
        return lists.workflows();
    }

    public Workflow workflow(String id) {
        return requests.workflow(id).workflow();
    }

    public WorkflowStep step(String stepId) {
        return requests.step(stepId).step();
    }

    public List<WorkflowStep> steps(@Nullable String workflowIdOrNull) {
        return List.copyOf(requests.steps(workflowIdOrNull).itemsOrEmpty());
    }

    public WorkflowItemPage workflowItems(WorkflowItemQuery query) {
        WorkflowItemsReply reply = requests.workflowItems(query);
        List<WorkflowItem> items = reply.items() == null ? List.of() : reply.items();
        return new WorkflowItemPage(items, reply.total() == null ? items.size() : reply.total(),
                byId(reply.authors(), Person.class), byId(reply.steps(), WorkflowStep.class));
    }

    /** Every item in one workflow (or all), 1000 per call. */
    public List<WorkflowItem> allWorkflowItems(@Nullable String workflowIdOrNull) {
        return everyWorkflowItem(workflowIdOrNull).items();
    }

    /** The items waiting for a decision, with their authors and steps, in as few calls as Oktopost allows. */
    public WorkflowItemPage allPendingItems(@Nullable String workflowIdOrNull) {
        WorkflowItemPage all = everyWorkflowItem(workflowIdOrNull);
        List<WorkflowItem> pending = all.items().stream().filter(WorkflowItem::isPending).toList();
        return new WorkflowItemPage(pending, pending.size(), all.authors(), all.steps());
    }

    private WorkflowItemPage everyWorkflowItem(@Nullable String workflowIdOrNull) {
        List<WorkflowItem> items = new ArrayList<>();
        Map<String, Person> authors = new LinkedHashMap<>();
        Map<String, WorkflowStep> steps = new LinkedHashMap<>();
        WorkflowItemQuery query = WorkflowItemQuery.inWorkflow(workflowIdOrNull);
        for (int page = 0; page < MAX_WORKFLOW_ITEM_PAGES; page++) {
            WorkflowItemPage one = workflowItems(query.withPage(page));
            items.addAll(one.items());
            authors.putAll(one.authors());
            steps.putAll(one.steps());
            if (one.items().size() < query.count() || items.size() >= one.total()) {
                break;
            }
        }
        return new WorkflowItemPage(items, items.size(), authors, steps);
    }

    /** Sends a message, post or story (by id) to approval in the workflow's first step. */
    public WorkflowItem sendToWorkflow(String entityId, String workflowId) {
        return required(requests.sendToWorkflow(form().put("entityId", entityId).put("workflowId", workflowId).toMap())
                .data(), "POST /workflow-item");
    }

    /**
     * Approves or rejects the item at {@code stepId}. When the item has moved on from that step Oktopost
     * changes nothing and answers with the item as it is, so a second click cannot approve twice.
     */
    public WorkflowItem decide(String entityId, boolean approve, @Nullable String note, @Nullable String stepId) {
        return required(requests.decide(entityId, form()
                .put("isApprove", approve ? "1" : "0")
                .put("note", note == null || note.isBlank() ? null : note)
                .put("stepId", stepId)
                .toMap()).data(), "POST /workflow-item/{entityId}");
    }

    /** Takes the entity out of approval; Oktopost turns it back into a draft. */
    public void removeFromWorkflow(String entityId) {
        requests.removeFromWorkflow(entityId);
    }

    // ---- messages

    public Message message(String id) {
        return required(requests.message(id).message(), "GET /message/{id}");
    }

    /** The messages with these ids, 100 per call; ids Oktopost does not return are simply missing. */
    public List<Message> messages(Collection<String> ids) {
        List<String> unique = List.copyOf(new LinkedHashSet<>(ids));
        List<Message> found = new ArrayList<>();
        for (int from = 0; from < unique.size(); from += MESSAGE_IDS_PER_CALL) {
            List<String> chunk = unique.subList(from, Math.min(unique.size(), from + MESSAGE_IDS_PER_CALL));
            found.addAll(requests.messages(String.join(",", chunk)).itemsOrEmpty());
        }
        return List.copyOf(found);
    }

    public Message createMessage(NewMessage m) {
        return required(requests.createMessage(form()
                .put("network", m.network())
                .put("campaignId", m.campaignId())
                .put("message", m.message())
                .put("linkUrl", m.linkUrl())
                .put("linkTitle", m.linkTitle())
                .put("description", m.description())
                .put("imageUrl", m.imageUrl())
                .put("media", m.media())
                .toMap()).message(), "POST /message");
    }

    public void deleteMessage(String id) {
        requests.deleteMessage(id);
    }

    // ---- posts

    public Post post(String id) {
        return required(requests.post(id).post(), "GET /post/{id}");
    }

    public Page<Post> posts(PostQuery query) {
        ListReply<Post> reply = requests.posts(query);
        return new Page<>(reply.itemsOrEmpty(), reply.totalOr(reply.itemsOrEmpty().size()));
    }

    /** Every post matching the query from its page on, up to 50 pages. */
    public List<Post> allPosts(PostQuery query) {
        List<Post> all = new ArrayList<>();
        for (int page = query.page(); page < query.page() + MAX_POST_PAGES; page++) {
            Page<Post> one = posts(query.withPage(page));
            all.addAll(one.items());
            if (one.items().size() < query.count() || all.size() >= one.total() - query.page() * query.count()) {
                break;
            }
        }
        return List.copyOf(all);
    }

    /**
     * Schedules the message to each profile; one post per profile. {@code startAt} null means Oktopost's
     * default (a minute from now); {@code status} null means pending.
     */
    public List<Post> createPosts(String messageId, List<String> credentialIds, @Nullable Instant startAt,
                                  @Nullable String status) {
        PostsReply reply = requests.createPosts(form()
                .put("messageId", messageId)
                .putList("credentialIds", credentialIds)
                .put("startDateTime", startAt == null ? null : OktopostDates.unixSeconds(startAt))
                .put("status", status)
                .toMap());
        return postsIn(reply);
    }

    /** Changes a post that has not gone out yet; fields as for creation, e.g. startDateTime (unix seconds). */
    public Post updatePost(String id, Map<String, String> fields) {
        List<Post> posts = postsIn(requests.updatePost(id, fields));
        if (posts.isEmpty()) {
            return post(id);
        }
        return posts.get(0);
    }

    public void deletePost(String id) {
        requests.deletePost(id);
    }

    private List<Post> postsIn(PostsReply reply) {
        List<Post> posts = new ArrayList<>();
        for (JsonNode node : new JsonNode[]{reply.post(), reply.posts(), reply.items(), reply.data()}) {
            if (node == null || node.isNull()) {
                continue;
            }
            if (node.isArray()) {
                node.forEach(p -> posts.add(json.convertValue(p, Post.class)));
            } else if (node.isObject() && node.has("Id")) {
                posts.add(json.convertValue(node, Post.class));
            }
        }
        return List.copyOf(posts);
    }

    // ---- stories

    public Story story(String id) {
        return required(requests.story(id).item(), "GET /story/{id}");
    }

    public Page<Story> stories(@Nullable String boardIdOrNull, int page, int count) {
        ListReply<Story> reply = requests.stories(boardIdOrNull, page, count);
        return new Page<>(reply.itemsOrEmpty(), reply.totalOr(reply.itemsOrEmpty().size()));
    }

    /** The created story; when Oktopost answers with its id only, the story is read back. */
    public Story createStory(NewStory s) {
        StoryCreatedReply reply = requests.createStory(form()
                .put("boardId", s.boardId())
                .put("title", s.title())
                .put("description", s.description())
                .put("campaignId", s.campaignId())
                .put("link", s.link())
                .putList("messageIds", s.messageIds())
                .putList("topicIds", s.topicIds())
                .putList("tagIds", s.tagIds())
                .putList("mediaIds", s.mediaIds())
                .put("publishDatetime", s.publishAt() == null ? null : OktopostDates.unixSeconds(s.publishAt()))
                .put("expirationDatetime", s.expiresAt() == null ? null : OktopostDates.unixSeconds(s.expiresAt()))
                .flag("isDraft", s.isDraft())
                .flag("isFeatured", s.isFeatured())
                .put("workflowId", s.workflowId())
                .toMap());
        for (JsonNode node : new JsonNode[]{reply.item(), reply.story(), reply.data()}) {
            if (node != null && node.isObject() && (node.has("ID") || node.has("Id"))) {
                Story story = json.convertValue(node, Story.class);
                return story.title() != null ? story : story(story.id());
            }
        }
        if (reply.id() != null && !reply.id().isBlank()) {
            return story(reply.id());
        }
        throw new OktopostException.ServerError(200, "Oktopost created the story but did not say its id");
    }

    // ---- people

    /** The advocate with their social profiles; with a board also its topics and latest shares. */
    public Advocate advocate(String id, @Nullable String boardIdOrNull) {
        return required(requests.advocate(id, boardIdOrNull).advocate(), "GET /advocate/{id}");
    }

    public List<Advocate> advocatesByEmail(String email) {
        return List.copyOf(requests.advocatesByEmail(email.strip()).itemsOrEmpty());
    }

    /** All users; cached. */
    public List<User> users() {
        return lists.users();
    }

    public Optional<User> userByEmail(String email) {
        String wanted = email.strip().toLowerCase(Locale.ROOT);
        return users().stream()
                .filter(u -> u.email() != null && u.email().strip().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    // ---- publishing targets

    /** Valid social profiles, all or of one network (e.g. LinkedIn); cached. */
    public List<Credential> credentials(@Nullable String networkOrNull) {
        List<Credential> all = lists.credentials();
        if (networkOrNull == null || networkOrNull.isBlank()) {
            return all;
        }
        return all.stream().filter(c -> networkOrNull.equalsIgnoreCase(c.network())).toList();
    }

    /** Active campaigns whose name contains the query (any case); from a cached list, for type-ahead. */
    public List<Campaign> campaigns(@Nullable String queryOrNull) {
        List<Campaign> all = lists.activeCampaigns();
        if (queryOrNull == null || queryOrNull.isBlank()) {
            return all;
        }
        String wanted = queryOrNull.strip().toLowerCase(Locale.ROOT);
        return all.stream().filter(c -> c.name() != null && c.name().toLowerCase(Locale.ROOT).contains(wanted)).toList();
    }

    /** Advocacy boards; cached. */
    public List<Board> boards() {
        return lists.boards();
    }

    // ---- webhooks

    public List<Webhook> webhooks() {
        return Pages.all(page -> requests.webhooks(page, OktopostLists.PAGE), OktopostLists.PAGE, OktopostLists.MAX_PAGES);
    }

    /** Creates an enabled webhook; the answer carries the Secret, which Oktopost shows only this once. */
    public Webhook addWebhook(String event, String name, String description, String url) {
        return required(requests.addWebhook(form()
                .put("event", event)
                .put("name", name)
                .put("description", description)
                .put("url", url)
                .put("isEnabled", "1")
                .toMap()).webhook(), "POST /webhook");
    }

    public Webhook updateWebhook(String id, String event, String name, String description, String url, boolean enabled) {
        return required(requests.updateWebhook(id, form()
                .put("event", event)
                .put("name", name)
                .put("description", description)
                .put("url", url)
                .put("isEnabled", enabled ? "1" : "0")
                .toMap()).webhook(), "POST /webhook/{id}");
    }

    public void deleteWebhook(String id) {
        requests.deleteWebhook(id);
    }

    // ----

    private <T> Map<String, T> byId(@Nullable JsonNode objectById, Class<T> type) {
        Map<String, T> result = new LinkedHashMap<>();
        if (objectById != null && objectById.isObject()) {
            for (Map.Entry<String, JsonNode> entry : objectById.properties()) {
                if (entry.getValue().isObject()) {
                    result.put(entry.getKey(), json.convertValue(entry.getValue(), type));
                }
            }
        }
        return result;
    }

    private static <T> T required(@Nullable T value, String what) {
        if (value == null) {
            throw new OktopostException.ServerError(200, "Oktopost's answer to " + what + " lacked the expected data");
        }
        return value;
    }

    // ---- webhook log

    /** The webhook's recent deliveries as Oktopost's log holds them, up to {@code maxPages} pages of 100. */
    public List<WebhookLogEntry> webhookLog(String webhookId, int maxPages) {
        return Pages.all(page -> requests.webhookLog(webhookId, page, OktopostLists.PAGE), OktopostLists.PAGE, maxPages);
    }
}
