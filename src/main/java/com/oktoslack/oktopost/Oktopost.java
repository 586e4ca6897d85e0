package com.oktoslack.oktopost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oktoslack.oktopost.Envelopes.ListReply;
import com.oktoslack.oktopost.Envelopes.MeReply;
import com.oktoslack.oktopost.Envelopes.PostsReply;
import com.oktoslack.oktopost.Envelopes.StoryCreatedReply;
import com.oktoslack.oktopost.Envelopes.WorkflowItemsReply;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import static com.oktoslack.oktopost.FormFields.form;

/**
 * Everything the app asks of Oktopost. Calls are paced to the account's limits, idempotent ones are retried
 * on 5xx, slow-changing lists are cached, and every failure is an {@link OktopostException}.
 */
@Singleton
public class Oktopost {

    static final int MESSAGE_IDS_PER_CALL = 100;
    /** The largest {@code _count} the reference allows on {@code _page}/{@code _count} lists. */
    static final int LIST_PAGE = 100;
    static final int MAX_POST_PAGES = 50;
    static final int MAX_WORKFLOW_ITEM_PAGES = 20;
    /** Pages of an ids= list read for one chunk of ids before the rest are read one by one. */
    static final int MAX_ID_PAGES = 4;
    /** Pages of a board's newest stories searched for one just created. */
    static final int NEW_STORY_PAGES = 2;
    /** Oktopost's clock and ours may disagree by this much when a new story is looked for by its time. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(Oktopost.class);

    private final OktopostRequests requests;
    private final OktopostLists lists;
    private final OktopostBudget budget;
    private final ObjectMapper json;
    private final Clock clock;

    Oktopost(OktopostRequests requests, OktopostLists lists, OktopostBudget budget, ObjectMapper json, Clock clock) {
        this.requests = requests;
        this.lists = lists;
        this.budget = budget;
        this.json = json;
        this.clock = clock;
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
        return everyWorkflowItem(WorkflowItemQuery.inWorkflow(workflowIdOrNull)).items();
    }

    /**
     * The items waiting for a decision, with their authors and steps (and history, for
     * {@link WorkflowItem#waitingSince()}), in as few calls as Oktopost allows.
     */
    public WorkflowItemPage allPendingItems(@Nullable String workflowIdOrNull) {
        WorkflowItemPage all = everyWorkflowItem(WorkflowItemQuery.inWorkflow(workflowIdOrNull).withHistory(true));
        List<WorkflowItem> pending = all.items().stream().filter(WorkflowItem::isPending).toList();
        return new WorkflowItemPage(pending, pending.size(), all.authors(), all.steps());
    }

    private WorkflowItemPage everyWorkflowItem(WorkflowItemQuery query) {
        Map<String, Person> authors = new LinkedHashMap<>();
        Map<String, WorkflowStep> steps = new LinkedHashMap<>();
        List<WorkflowItem> items = Pages.walk(page -> {
            WorkflowItemPage one = workflowItems(query.withPage(page));
            authors.putAll(one.authors());
            steps.putAll(one.steps());
            return new Page<>(one.items(), one.total());
        }, 0, query.count(), MAX_WORKFLOW_ITEM_PAGES, found -> false).items();
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

    /** The messages with these ids that Oktopost has and shows the API user (see {@link #messagesById}). */
    public List<Message> messages(Collection<String> ids) {
        return List.copyOf(messagesById(ids).found().values());
    }

    /**
     * The messages with these ids, 100 ids per list read, each read walking its pages; what the list did not
     * return although it was not read to its end is read by id. Every id ends up found or among those Oktopost
     * says it has not (or does not show the API user).
     */
    public ByIds<Message> messagesById(Collection<String> ids) {
        List<String> unique = List.copyOf(new LinkedHashSet<>(ids));
        Map<String, Message> found = new LinkedHashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (int from = 0; from < unique.size(); from += MESSAGE_IDS_PER_CALL) {
            List<String> chunk = unique.subList(from, Math.min(unique.size(), from + MESSAGE_IDS_PER_CALL));
            String joined = String.join(",", chunk);
            Walk<Message> walk = Pages.walk(page -> Pages.asPage(requests.messages(joined, page, LIST_PAGE)),
                    0, LIST_PAGE, MAX_ID_PAGES, read -> read.size() >= chunk.size());
            walk.items().stream().filter(m -> chunk.contains(m.id())).forEach(m -> found.putIfAbsent(m.id(), m));
            for (String id : chunk) {
                if (found.containsKey(id)) {
                    continue;
                }
                if (walk.complete()) {
                    unknown.add(id);
                    continue;
                }
                try {
                    found.put(id, message(id));
                } catch (OktopostException.NotFound e) {
                    unknown.add(id);
                }
            }
        }
        return new ByIds<>(found, unknown);
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
                .put("title", m.title())
                .toMap()).message(), "POST /message");
    }

    public void deleteMessage(String id) {
        requests.deleteMessage(id);
    }

    // ---- media from Slack

    /** Asks Oktopost to fetch a file from a public URL; it answers at once, usually still {@code pending}. */
    public Upload startUpload(String source, String name, String mimeType) {
        return required(requests.createUpload(form()
                .put("source", source)
                .put("name", name)
                .put("mimeType", mimeType)
                .toMap()).upload(), "POST /upload");
    }

    public Upload upload(String id) {
        return required(requests.upload(id).upload(), "GET /upload/{id}");
    }

    public void deleteMedia(String id) {
        requests.deleteMedia(id);
    }

    public VideoCheck validateVideo(String mediaId) {
        return new VideoCheck(requests.validateVideo(mediaId).validations());
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
        return allPosts(query, MAX_POST_PAGES, found -> false);
    }

    /** The posts matching the query from its page on, until {@code enough} holds for what was read, or the cap. */
    public List<Post> allPosts(PostQuery query, int maxPages, Predicate<List<Post>> enough) {
        return Pages.walk(page -> posts(query.withPage(page)), query.page(), query.count(),
                Math.min(maxPages, MAX_POST_PAGES), enough).items();
    }

    /**
     * Schedules the message to the profiles. Oktopost may answer with one post naming all of them
     * ({@link Post#credentialIds()}) or with one post per profile; either way every post made is returned.
     * {@code startAt} null means Oktopost's default (a minute from now); {@code status} null means pending.
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

    /** A board's stories (all boards' for null), newest first, walking up to {@code maxPages} pages of 100. */
    public Walk<Story> allStories(@Nullable String boardIdOrNull, int maxPages) {
        return Pages.walk(page -> stories(boardIdOrNull, page, LIST_PAGE), 0, LIST_PAGE, maxPages, read -> false);
    }

    /**
     * Creates the story. When Oktopost answers with the story or its id, that is it; when it answers with a
     * bare {@code Result} (which is success), the story is looked for among the board's newest by title and
     * time. {@link CreatedStory#id()} is null only when even that does not find it.
     */
    public CreatedStory createStory(NewStory s) {
        Instant requested = clock.instant();
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
                return new CreatedStory(story.id(), story.title() != null ? story.title() : s.title());
            }
        }
        if (reply.id() != null && !reply.id().isBlank()) {
            return new CreatedStory(reply.id(), s.title());
        }
        Optional<Story> found = Optional.empty();
        try {
            found = findStory(s.boardId(), s.title(), requested);
        } catch (OktopostException e) {
            LOG.info("Story \"{}\" was created; looking for its id failed: {}", s.title(), e.getMessage());
        }
        if (found.isEmpty()) {
            LOG.info("Story \"{}\" was created; Oktopost did not say its id and it is not listed yet", s.title());
        }
        return new CreatedStory(found.map(Story::id).orElse(null), s.title());
    }

    /**
     * A story with this title created on the board (the oldest active one when null, as Oktopost picks) at or
     * after {@code since}, less some clock skew; searched among the board's newest stories.
     */
    public Optional<Story> findStory(@Nullable String boardIdOrNull, String title, Instant since) {
        String boardId = boardIdOrNull != null ? boardIdOrNull : oldestActiveBoard().orElse(null);
        Instant from = since.minus(CLOCK_SKEW);
        Predicate<Story> created = story -> title.equals(story.title())
                && (story.createdAt() == null || !story.createdAt().isBefore(from));
        // The list is newest first: the new story is on the first page unless the board is very busy.
        return Pages.walk(page -> stories(boardId, page, LIST_PAGE), 0, LIST_PAGE, NEW_STORY_PAGES,
                read -> read.stream().anyMatch(created)).items().stream().filter(created).findFirst();
    }

    private Optional<String> oldestActiveBoard() {
        return boards().stream().filter(Board::isActive)
                .min(java.util.Comparator.comparing(b -> b.created() == null ? "" : b.created()))
                .map(Board::id);
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
        return all.stream().filter(c -> Network.same(networkOrNull, c.network())).toList();
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

    // ---- what became of posts

    /** What became of the post on each profile it went to, walking the list's pages (empty before it is sent). */
    public List<PostLog> postLogs(String postId) {
        return Pages.walk(page -> {
            Envelopes.PostLogsReply reply = requests.postLogs(postId, page, LIST_PAGE);
            List<PostLog> items = reply.itemsOrEmpty();
            return new Page<>(items, reply.total() == null ? Pages.UNKNOWN_TOTAL : reply.total());
        }, 0, LIST_PAGE, OktopostLists.MAX_PAGES, read -> false).items();
    }

    /** The post's stats; the reference documents no list or ids= read of them, so one call per post. */
    public PostStats postStats(String postId) {
        return required(requests.postStats(postId).stats(), "GET /post/{id}?stats=1");
    }
}
