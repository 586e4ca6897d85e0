package com.oktoslack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Oktopost's REST API v2 on loopback, for tests. It keeps accounts' data in memory and answers with the
 * envelopes the reference documents ({@code Result}, {@code Items}/{@code Total}, {@code Errors}), so a
 * test can seed data, drive the app, then look at both the requests made and the state left behind.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * FakeOktopost oktopost = FakeOktopost.start();              // 127.0.0.1, random port
 * properties.put("oktopost.base-url", oktopost.baseUrl());   // http://127.0.0.1:PORT/v2
 * ObjectNode wf = oktopost.addWorkflow("Marketing", "Review", "Legal");
 * ObjectNode msg = oktopost.addMessage("LinkedIn", "Hello");
 * oktopost.addWorkflowItem(msg.get("Id").asText(), wf.get("Id").asText());
 * ... exercise the app ...
 * assertEquals(1, oktopost.count("POST", "/workflow-item"));
 * oktopost.close();
 * }</pre>
 *
 * <h2>What it checks like Oktopost does</h2>
 * Basic auth (expected credentials default to {@value #ACCOUNT_ID} / {@value #API_KEY}, those of
 * {@code application-test.yml}; anything else gets 401); required fields (400 with field errors);
 * {@code ids=} at most 100; {@code _count} 25/50/100 where the reference says so, {@code count} 1..1000
 * for workflow items; unknown ids 404; unknown paths 404 with Oktopost's "page not found" error.
 *
 * <h2>Recording</h2>
 * Every request, authorised or not, is recorded as a {@link RecordedRequest} whose path is relative to
 * {@code /v2} (e.g. {@code /workflow-item/005000000000001}); query and form values are URL-decoded
 * ({@code +} and {@code %20} both become a space). {@link #count(String, String)} matches a path prefix at
 * a segment boundary, so {@code "/workflow"} does not count {@code /workflow-item}.
 *
 * <h2>Seeding and state</h2>
 * The {@code add...} methods create resources with generated ids (in Oktopost's id styles) and return the
 * live JSON node: change a field on it and the next answer shows the change. Field names are Oktopost's
 * (UpperCamelCase). A default API user and account exist from the start ({@link #me()}).
 *
 * <h2>Faults and other answers</h2>
 * {@link #failNext(int, int)}, {@link #rateLimitNext(Duration)}, {@link #latency(Duration)}, and for
 * anything else {@link #on(String, String, Route)}: a route added from a test, tried before the built-in
 * ones (newest first); a route that returns null lets the built-in answer.
 */
public final class FakeOktopost implements AutoCloseable {

    public static final String ACCOUNT_ID = "test-account";
    public static final String API_KEY = "test-api-key";

    public static final Set<String> WEBHOOK_EVENTS = Set.of("newAdvocacyMessage", "newAdvocacyStory",
            "newAdvocacyTopic", "newConversion", "postSent", "newNoteOnConversation", "newConversation",
            "conversationUpdated", "newAssignment", "conversationStatusUpdated", "newLead", "newLeadActivity",
            "newCampaign", "postCreated", "postModified", "postDeleted", "newApprovalItem", "approvalItemApproved",
            "approvalItemRejected");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final Set<String> NETWORKS = Set.of("facebook", "twitter", "linkedin", "youtube", "instagram", "wechat", "xing");
    private static final Set<String> POST_STATUSES = Set.of("pending", "inqueue", "draft", "inqueue-draft",
            "complete", "incomplete", "error");
    private static final Set<Integer> PAGE_SIZES = Set.of(25, 50, 100);
    private static final Set<Integer> WEBHOOK_PAGE_SIZES = Set.of(20, 25, 50, 100);

    // ------------------------------------------------------------------ public types

    /**
     * One request as it arrived. {@code path} is relative to {@code /v2}; {@code headers} has lower-case names
     * (first value of each).
     */
    public record RecordedRequest(String method,
                                  String path,
                                  Map<String, String> query,
                                  Map<String, String> form,
                                  Map<String, String> headers,
                                  Instant at) {

        /** A form field, else a query parameter, else null. */
        public String param(String name) {
            String value = form.get(name);
            return value != null ? value : query.get(name);
        }

        public boolean has(String name) {
            return form.containsKey(name) || query.containsKey(name);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The n-th path segment after the resource name, e.g. the id in {@code /post/{id}}; null if absent. */
        public String pathSegment(int n) {
            String[] parts = path.substring(1).split("/");
            return parts.length > n ? parts[n] : null;
        }
    }

    /** An answer: status, JSON body and extra headers. */
    public record Reply(int status, JsonNode body, Map<String, String> headers) {

        public static Reply ok(JsonNode body) {
            return new Reply(200, body, Map.of());
        }

        /** {@code {"Result":true}} */
        public static Reply ok() {
            return ok(result(true));
        }

        public static Reply of(int status, JsonNode body) {
            return new Reply(status, body, Map.of());
        }

        /** Oktopost's error envelope: {@code {"Result":false,"Errors":{"API":{"Error":message}}}}. */
        public static Reply error(int status, String message) {
            return of(status, errors(message));
        }

        /** A field error: {@code {"Result":false,"Errors":{field:{"Invalid":message}}}}, status 400. */
        public static Reply fieldError(String field, String message) {
            ObjectNode body = result(false);
            body.putObject("Errors").putObject(field).put("Invalid", message);
            return of(400, body);
        }

        /** A non-JSON body, e.g. the HTML error page of a proxy in front of Oktopost. */
        public static Reply text(int status, String contentType, String text) {
            return new Reply(status, MAPPER.getNodeFactory().textNode(text), Map.of("Content-Type", contentType));
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(name, value);
            return new Reply(status, body, Map.copyOf(all));
        }
    }

    /** A test-defined answer; return null to let the built-in route answer. */
    @FunctionalInterface
    public interface Route {
        Reply answer(RecordedRequest request) throws Exception;
    }

    /**
     * How the fake plays the points where Oktopost's public sources differ or are silent
     * ({@code where-sources-differ.md}). Each starts at the reading the reference (or, where it is silent, the
     * SDK) gives; a test switches one to run the app against the other.
     */
    public static final class Readings {

        /** What {@code POST /story} answers. */
        public enum StoryAnswer {
            /** {@code {"Result":true}} only, as the SDK types it ({@code BaseApiResponse}). */
            BARE_RESULT,
            /** The story under {@code Item}, as {@code GET /story/{id}}. */
            STORY
        }

        /** What {@code POST /post} with several {@code credentialIds} makes. */
        public enum PostAnswer {
            /** One post naming all profiles, {@code Credentials} comma-separated, answered like GET. */
            ONE_POST_FOR_ALL,
            /** One post per profile, answered as {@code Items}. */
            ONE_POST_PER_PROFILE
        }

        /** How {@code GET /postlog?postId=} answers. */
        public enum PostLogList {
            /** {@code Postlogs}, no {@code Total}: the reference's example. */
            POSTLOGS,
            /** {@code Items} and {@code Total}: what the getting-started page says every list answers. */
            ITEMS
        }

        /** What a {@code postSent} event's object is (undocumented). */
        public enum PostSentEvent {
            /** It names the post: {@code PostId} (or the post nested, with its own Id). */
            POST_ID,
            /** It is the post log entry: its own Id is the post log's, {@code PostId} the post's. */
            POST_LOG
        }

        private volatile PostLogList postLogList = PostLogList.POSTLOGS;
        private volatile PostSentEvent postSentEvent = PostSentEvent.POST_ID;

        public Readings postLogList(PostLogList list) {
            postLogList = list;
            return this;
        }

        public Readings postSentEvent(PostSentEvent event) {
            postSentEvent = event;
            return this;
        }

        public PostSentEvent postSentEvent() {
            return postSentEvent;
        }

        private volatile boolean documentedItemFieldsOnly = true;
        private volatile boolean decidedItemsLeaveList;
        private volatile boolean scalarsAsStrings;
        private volatile StoryAnswer storyAnswer = StoryAnswer.BARE_RESULT;
        private volatile PostAnswer postAnswer = PostAnswer.ONE_POST_FOR_ALL;

        /**
         * True (the default): workflow items carry only {@code Id, CreatedBy, Status, StepId, WorkflowId,
         * MessageId} (the entity's id, whatever it is) plus {@code History} when asked; false: also
         * {@code PostId}/{@code StoryId}, {@code Created} and {@code Modified}.
         */
        public Readings documentedItemFieldsOnly(boolean on) {
            documentedItemFieldsOnly = on;
            return this;
        }

        /** True: an approved or rejected item is no longer listed by {@code GET /workflow-item}. */
        public Readings decidedItemsLeaveList(boolean on) {
            decidedItemsLeaveList = on;
            return this;
        }

        /** True: every boolean and number in an answer (but {@code Result}) comes as a string: "1", "0", "147". */
        public Readings scalarsAsStrings(boolean on) {
            scalarsAsStrings = on;
            return this;
        }

        public Readings storyAnswer(StoryAnswer answer) {
            storyAnswer = answer;
            return this;
        }

        public Readings postAnswer(PostAnswer answer) {
            postAnswer = answer;
            return this;
        }

        /** Back to the defaults. */
        public Readings strict() {
            documentedItemFieldsOnly = true;
            decidedItemsLeaveList = false;
            scalarsAsStrings = false;
            storyAnswer = StoryAnswer.BARE_RESULT;
            postAnswer = PostAnswer.ONE_POST_FOR_ALL;
            postLogList = PostLogList.POSTLOGS;
            postSentEvent = PostSentEvent.POST_ID;
            return this;
        }

        @Override
        public String toString() {
            return "Readings[documentedItemFieldsOnly=" + documentedItemFieldsOnly + ", decidedItemsLeaveList="
                    + decidedItemsLeaveList + ", scalarsAsStrings=" + scalarsAsStrings + ", storyAnswer=" + storyAnswer
                    + ", postAnswer=" + postAnswer + ", postLogList=" + postLogList + ", postSentEvent=" + postSentEvent + "]";
        }
    }

    private record CustomRoute(String method, Pattern path, Route route) {
    }

    private record Fault(String method, String pathPrefix, Reply reply) {
    }

    // ------------------------------------------------------------------ state

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<CustomRoute> routes = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final SecureRandom random = new SecureRandom();
    private volatile Duration latency = Duration.ZERO;
    private volatile String expectedAccountId = ACCOUNT_ID;
    private volatile String expectedApiKey = API_KEY;
    private volatile Clock clock = Clock.systemUTC();
    private final Readings readings = new Readings();
    private final Set<String> hidden = java.util.concurrent.ConcurrentHashMap.newKeySet();

    // The account's burst limits, on real time whatever the clock: call times in nanoseconds.
    private final java.util.ArrayDeque<Long> window = new java.util.ArrayDeque<>();
    private final List<Long> callTimes = new ArrayList<>();
    private int perMinute = 60;
    private int perFiveSeconds = 120;
    private Duration blockTime = Duration.ofSeconds(15);
    private boolean blocked;
    private long blockedUntil;
    private int breaches;

    private ObjectNode account;
    private ObjectNode meUser;
    private final Map<String, ObjectNode> users = new LinkedHashMap<>();
    private final Map<String, ObjectNode> workflows = new LinkedHashMap<>();
    private final Map<String, ObjectNode> steps = new LinkedHashMap<>();
    private final Map<String, ObjectNode> items = new LinkedHashMap<>();
    private final Map<String, ObjectNode> messages = new LinkedHashMap<>();
    private final Map<String, ObjectNode> posts = new LinkedHashMap<>();
    private final Map<String, ObjectNode> stories = new LinkedHashMap<>();
    private final Map<String, ObjectNode> advocates = new LinkedHashMap<>();
    private final Map<String, ObjectNode> credentials = new LinkedHashMap<>();
    private final Map<String, ObjectNode> campaigns = new LinkedHashMap<>();
    private final Map<String, ObjectNode> boards = new LinkedHashMap<>();
    private final Map<String, ObjectNode> webhooks = new LinkedHashMap<>();
    private final FakeWebhookLog webhookLog = new FakeWebhookLog();
    private final Map<String, List<ObjectNode>> postLogs = new LinkedHashMap<>();
    private final Map<String, ObjectNode> postStats = new LinkedHashMap<>();

    private FakeOktopost() throws IOException {
        clearData();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::exchange);
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-oktopost");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a fake on 127.0.0.1 with a free port. */
    public static FakeOktopost start() {
        try {
            return new FakeOktopost();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the fake Oktopost", e);
        }
    }

    /** The value for {@code oktopost.base-url}: {@code http://127.0.0.1:PORT/v2}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v2";
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ configuration

    /** Credentials to accept; others get 401. */
    public FakeOktopost expectCredentials(String accountId, String apiKey) {
        this.expectedAccountId = accountId;
        this.expectedApiKey = apiKey;
        return this;
    }

    /** Every answer is delayed by this much (e.g. to trip the client's read timeout). */
    public FakeOktopost latency(Duration delay) {
        this.latency = delay;
        return this;
    }

    /** The clock for Created/Modified dates and default schedule times. */
    public FakeOktopost clock(Clock newClock) {
        this.clock = newClock;
        return this;
    }

    /**
     * Adds a route tried before the built-in ones. {@code method} is an HTTP method or "*"; {@code pathRegex}
     * must match the whole path relative to /v2, e.g. {@code "/post/[^/]+"}.
     */
    public FakeOktopost on(String method, String pathRegex, Route route) {
        routes.add(0, new CustomRoute(method.toUpperCase(Locale.ROOT), Pattern.compile(pathRegex), route));
        return this;
    }

    public FakeOktopost clearRoutes() {
        routes.clear();
        return this;
    }

    /** The readings in force; change them at any time, the next answer follows. */
    public Readings readings() {
        return readings;
    }

    /**
     * Makes a resource (message, post, story, ...) invisible to the API user, as Oktopost does for content the
     * user has no access to: {@code GET} by id answers 404 and lists leave it out.
     */
    public FakeOktopost hide(String id) {
        hidden.add(id);
        return this;
    }

    // ------------------------------------------------------------------ rate limits

    /**
     * Oktopost's burst limits as the fake enforces them: every call is counted in sliding windows of 60 and 5
     * seconds (real time); the call that goes over either answers 429 and every call after it does too for
     * {@code block} (Oktopost blocks for 15 minutes; the default here is 15 seconds).
     */
    public synchronized FakeOktopost rateLimits(int newPerMinute, int newPerFiveSeconds, Duration block) {
        perMinute = newPerMinute;
        perFiveSeconds = newPerFiveSeconds;
        blockTime = block;
        return this;
    }

    /** How many calls went over a limit (each starting a block) since the fake started. */
    public synchronized int rateLimitBreaches() {
        return breaches;
    }

    /** The most calls that reached the fake within any 60 seconds since the last {@link #reset()}. */
    public int busiestMinute() {
        return busiestWindow(Duration.ofMinutes(1));
    }

    /** The most calls that reached the fake within any 5 seconds since the last {@link #reset()}. */
    public int busiestFiveSeconds() {
        return busiestWindow(Duration.ofSeconds(5));
    }

    public synchronized int busiestWindow(Duration length) {
        long span = length.toNanos();
        int most = 0;
        int from = 0;
        for (int to = 0; to < callTimes.size(); to++) {
            while (callTimes.get(to) - callTimes.get(from) >= span) {
                from++;
            }
            most = Math.max(most, to - from + 1);
        }
        return most;
    }

    /** Counts the call; a 429 when it goes over a limit or the account is blocked. */
    private synchronized Reply throttle() {
        long now = System.nanoTime();
        if (blocked && now - blockedUntil < 0) {
            return Reply.error(429, "API rate limit exceeded; access is blocked");
        }
        blocked = false;
        callTimes.add(now);
        window.addLast(now);
        while (!window.isEmpty() && now - window.peekFirst() >= Duration.ofMinutes(1).toNanos()) {
            window.removeFirst();
        }
        long lastFive = window.stream().filter(t -> now - t < Duration.ofSeconds(5).toNanos()).count();
        if (window.size() > perMinute || lastFive > perFiveSeconds) {
            breaches++;
            blocked = true;
            blockedUntil = now + blockTime.toNanos();
            // Counting starts afresh after the block (Oktopost's 15 minutes outlast both windows).
            window.clear();
            return Reply.error(429, "API rate limit exceeded");
        }
        return null;
    }

    // ------------------------------------------------------------------ faults

    /** The next {@code times} requests get {@code status} with an Errors envelope (status 200: Result:false). */
    public FakeOktopost failNext(int status, int times) {
        return failNext("*", "/", status, times);
    }

    public FakeOktopost failNext(int status, int times, String message) {
        return enqueue("*", "/", Reply.error(status, message), times);
    }

    /** Like {@link #failNext(int, int)} for requests with this method and path prefix only. */
    public FakeOktopost failNext(String method, String pathPrefix, int status, int times) {
        return enqueue(method, pathPrefix, Reply.error(status, "Injected failure (HTTP " + status + ")"), times);
    }

    /** The next request gets 429, with {@code Retry-After} in seconds unless {@code retryAfter} is null. */
    public FakeOktopost rateLimitNext(Duration retryAfter) {
        return rateLimitNext(1, retryAfter);
    }

    public FakeOktopost rateLimitNext(int times, Duration retryAfter) {
        Reply reply = Reply.error(429, "API rate limit exceeded");
        if (retryAfter != null) {
            reply = reply.withHeader("Retry-After", Long.toString(retryAfter.toSeconds()));
        }
        return enqueue("*", "/", reply, times);
    }

    /** The next {@code times} requests matching method ("*" for any) and path prefix get this reply. */
    public synchronized FakeOktopost enqueue(String method, String pathPrefix, Reply reply, int times) {
        for (int i = 0; i < times; i++) {
            faults.add(new Fault(method.toUpperCase(Locale.ROOT), pathPrefix, reply));
        }
        return this;
    }

    // ------------------------------------------------------------------ recorded requests

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Requests with this method ("*" for any) under this path prefix (segment boundary). */
    public List<RecordedRequest> requests(String method, String pathPrefix) {
        return requests.stream().filter(matching(method, pathPrefix)).toList();
    }

    public int count(String method, String pathPrefix) {
        return requests(method, pathPrefix).size();
    }

    /** The latest matching request; fails the test when there is none. */
    public RecordedRequest last(String method, String pathPrefix) {
        List<RecordedRequest> found = requests(method, pathPrefix);
        if (found.isEmpty()) {
            throw new AssertionError("No " + method + " " + pathPrefix + " reached the fake Oktopost; got "
                    + requests.stream().map(r -> r.method() + " " + r.path()).toList());
        }
        return found.get(found.size() - 1);
    }

    /** Forgets recorded requests, pending faults and latency; keeps data and routes. */
    public synchronized FakeOktopost reset() {
        requests.clear();
        callTimes.clear();
        faults.clear();
        latency = Duration.ZERO;
        return this;
    }

    /** Wipes all resources back to a fresh account holding only the API user. */
    public synchronized FakeOktopost clearData() {
        for (Map<String, ObjectNode> store : List.of(users, workflows, steps, items, messages, posts, stories,
                advocates, credentials, campaigns, boards, webhooks)) {
            store.clear();
        }
        postLogs.clear();
        postStats.clear();
        clearMedia();
        account = MAPPER.createObjectNode().put("Id", "001000000000001").put("Name", "Fake Account");
        meUser = addUser("Api User", "api.user@example.com", "admin");
        return this;
    }

    // ------------------------------------------------------------------ seeding: account and users

    /** The API user, as {@code GET /me} returns it (also listed by {@code GET /user}). */
    public synchronized ObjectNode me() {
        return meUser;
    }

    public synchronized ObjectNode account() {
        return account;
    }

    public synchronized FakeOktopost setAccount(String id, String name) {
        account.put("Id", id).put("Name", name);
        return this;
    }

    public synchronized ObjectNode addUser(String name, String email) {
        return addUser(name, email, "publisher");
    }

    public synchronized ObjectNode addUser(String name, String email, String role) {
        ObjectNode user = MAPPER.createObjectNode()
                .put("Id", nextId("00A"))
                .put("Created", now())
                .put("Status", "active")
                .put("Name", name)
                .put("Email", email)
                .put("LastLogin", now())
                .put("Role", role)
                .put("Timezone", "UTC");
        users.put(user.get("Id").asText(), user);
        return user;
    }

    // ------------------------------------------------------------------ seeding: workflows

    /** A workflow with steps in this order, no approvers yet (see {@link #addApprover}). */
    public synchronized ObjectNode addWorkflow(String name, String... stepNames) {
        ObjectNode workflow = MAPPER.createObjectNode()
                .put("Id", nextId("cwf"))
                .put("Created", now())
                .put("Name", name)
                .put("Status", "active");
        String workflowId = workflow.get("Id").asText();
        workflows.put(workflowId, workflow);
        for (String stepName : stepNames) {
            ObjectNode step = MAPPER.createObjectNode()
                    .put("Id", nextId("cws"))
                    .put("Created", now())
                    .put("WorkflowId", workflowId)
                    .put("Name", stepName)
                    .put("MustBeApprovedByEveryone", false);
            step.putArray("Approvers");
            steps.put(step.get("Id").asText(), step);
        }
        return workflow;
    }

    /** The workflow's steps in order. */
    public synchronized List<ObjectNode> stepsOf(String workflowId) {
        return steps.values().stream().filter(s -> workflowId.equals(s.path("WorkflowId").asText())).toList();
    }

    /** The id of the workflow's n-th step (0-based). */
    public synchronized String stepId(String workflowId, int index) {
        return stepsOf(workflowId).get(index).get("Id").asText();
    }

    public synchronized ObjectNode addApprover(String stepId, String userId) {
        ObjectNode step = require(steps, stepId, "step");
        ObjectNode user = require(users, userId, "user");
        ((ArrayNode) step.get("Approvers")).add(person(user));
        return step;
    }

    /**
     * Puts a message, post or story (by id; it must exist) into the workflow's first step, pending,
     * created by the API user.
     */
    public synchronized ObjectNode addWorkflowItem(String entityId, String workflowId) {
        return addWorkflowItem(entityId, workflowId, meUser.get("Id").asText());
    }

    public synchronized ObjectNode addWorkflowItem(String entityId, String workflowId, String createdBy) {
        require(workflows, workflowId, "workflow");
        String field = entityField(entityId);
        if (field == null) {
            throw new IllegalArgumentException("No message, post or story " + entityId + " in the fake");
        }
        List<ObjectNode> workflowSteps = stepsOf(workflowId);
        if (workflowSteps.isEmpty()) {
            throw new IllegalArgumentException("Workflow " + workflowId + " has no steps");
        }
        ObjectNode item = MAPPER.createObjectNode()
                .put("Id", nextId("cwi"))
                .put("Created", now())
                .put("Modified", now())
                .put("CreatedBy", createdBy)
                .put("Status", "pending")
                .put("StepId", workflowSteps.get(0).get("Id").asText())
                .put("WorkflowId", workflowId)
                .put(field, entityId);
        item.putArray("History").add(history("sent", createdBy, null, item.get("StepId").asText()));
        items.put(item.get("Id").asText(), item);
        return item;
    }

    /** The entity's current workflow item (the pending one if any, else the latest). */
    public synchronized Optional<ObjectNode> workflowItem(String entityId) {
        return itemFor(entityId);
    }

    public synchronized List<ObjectNode> workflowItems() {
        return List.copyOf(items.values());
    }

    // ------------------------------------------------------------------ seeding: content

    public synchronized ObjectNode addCampaign(String name) {
        ObjectNode campaign = MAPPER.createObjectNode()
                .put("Id", nextId("002"))
                .put("Name", name)
                .put("Status", "active")
                .put("Created", now())
                .put("TotalPosts", 0);
        campaigns.put(campaign.get("Id").asText(), campaign);
        return campaign;
    }

    /** A text message in a campaign named "General" (created on first use). */
    public synchronized ObjectNode addMessage(String network, String text) {
        return addMessage(defaultCampaignId(), network, text);
    }

    public synchronized ObjectNode addMessage(String campaignId, String network, String text) {
        ObjectNode message = MAPPER.createObjectNode()
                .put("Id", nextId("005"))
                .put("Created", now())
                .put("Modified", now())
                .put("Status", "default")
                .put("AccountId", account.get("Id").asText())
                .put("CreatedBy", meUser.get("Id").asText())
                .put("CampaignId", campaignId)
                .put("Network", network)
                .put("Subject", "")
                .put("Message", text)
                .put("ImageUrl", "")
                .put("Description", "")
                .put("LinkTitle", "")
                .put("LinkUrl", "");
        message.putArray("Media");
        message.putArray("Tags");
        messages.put(message.get("Id").asText(), message);
        return message;
    }

    public synchronized Optional<ObjectNode> message(String id) {
        return Optional.ofNullable(messages.get(id));
    }

    public synchronized List<ObjectNode> messages() {
        return List.copyOf(messages.values());
    }

    /** A connected, valid social profile of the account. */
    public synchronized ObjectNode addCredential(String network, String name) {
        ObjectNode credential = MAPPER.createObjectNode()
                .put("Id", "003-" + account.get("Id").asText() + "-" + sequence.getAndIncrement())
                .put("Created", now())
                .put("Name", name)
                .put("DisplayName", name)
                .put("Status", "valid")
                .put("Network", network)
                .put("NetworkUsername", name.toLowerCase(Locale.ROOT).replace(' ', '_'));
        credentials.put(credential.get("Id").asText(), credential);
        return credential;
    }

    public synchronized ObjectNode addPost(String messageId, String credentialId, Instant startAt, String status) {
        ObjectNode message = require(messages, messageId, "message");
        ObjectNode post = newPost(message, credentialId, startAt, status);
        posts.put(post.get("Id").asText(), post);
        return post;
    }

    public synchronized Optional<ObjectNode> post(String id) {
        return Optional.ofNullable(posts.get(id));
    }

    public synchronized List<ObjectNode> posts() {
        return List.copyOf(posts.values());
    }

    public synchronized ObjectNode addBoard(String name) {
        ObjectNode board = MAPPER.createObjectNode()
                .put("Id", nextId("brd"))
                .put("Created", now())
                .put("Name", name)
                .put("Status", "active")
                .put("UsersCount", 0);
        boards.put(board.get("Id").asText(), board);
        return board;
    }

    /** A published story on the board, carrying the given messages (which must exist). */
    public synchronized ObjectNode addStory(String boardId, String title, String... messageIds) {
        require(boards, boardId, "board");
        ObjectNode story = newStory(boardId, title, "", defaultCampaignId(), Arrays.asList(messageIds),
                "published", now(), DATE.format(clock.instant().plus(Duration.ofDays(180))));
        stories.put(story.get("ID").asText(), story);
        return story;
    }

    public synchronized Optional<ObjectNode> story(String id) {
        return Optional.ofNullable(stories.get(id));
    }

    public synchronized List<ObjectNode> stories() {
        return List.copyOf(stories.values());
    }

    /** Deletes the story as someone would on the board; it is neither listed nor found after. */
    public synchronized void removeStory(String id) {
        stories.remove(id);
    }

    // ------------------------------------------------------------------ seeding: advocacy

    /** An advocate on the first board (one is created when there is none), without profiles yet. */
    public synchronized ObjectNode addAdvocate(String name, String email) {
        String boardId = boards.isEmpty() ? addBoard("Advocacy Board").get("Id").asText() : boards.keySet().iterator().next();
        String[] names = name.split(" ", 2);
        ObjectNode advocate = MAPPER.createObjectNode()
                .put("Id", nextId("00A"))
                .put("Created", now())
                .put("Modified", now())
                .put("Status", "active")
                .put("Name", name)
                .put("FirstName", names[0])
                .put("LastName", names.length > 1 ? names[1] : "")
                .put("Email", email)
                .putNull("PictureUrl")
                .put("LastBoardLogin", now());
        advocate.putArray("Profiles");
        advocate.putArray("BoardIds").add(boardId);
        advocates.put(advocate.get("Id").asText(), advocate);
        return advocate;
    }

    /** A valid social profile of the advocate; its id can be used as a credential id for posts. */
    public synchronized ObjectNode addProfile(String advocateId, String network, String name) {
        ObjectNode advocate = require(advocates, advocateId, "advocate");
        ObjectNode profile = MAPPER.createObjectNode()
                .put("Id", "003-" + account.get("Id").asText() + "-" + sequence.getAndIncrement())
                .put("Created", now())
                .put("Name", name)
                .put("Status", "valid")
                .put("Network", network)
                .put("ImageLink", "valid")
                .put("NetworkUsername", name.toLowerCase(Locale.ROOT).replace(' ', '_'));
        ((ArrayNode) advocate.get("Profiles")).add(profile);
        return profile;
    }

    // ------------------------------------------------------------------ seeding: webhooks

    public synchronized ObjectNode addWebhook(String event, String url) {
        ObjectNode webhook = newWebhook(event, "Webhook " + event, "", url, true);
        webhooks.put(webhook.get("Id").asText(), webhook);
        return webhook;
    }

    public synchronized Optional<ObjectNode> webhook(String id) {
        return Optional.ofNullable(webhooks.get(id));
    }

    /** {@code GET /webhook-log/{webhookId}}: what the webhooks delivered, and how the receiver answered. */
    public FakeWebhookLog webhookLog() {
        return webhookLog;
    }

    /** Webhooks as stored, including each one's Secret. */
    public synchronized List<ObjectNode> webhooks() {
        return List.copyOf(webhooks.values());
    }

    // ------------------------------------------------------------------ HTTP

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            RecordedRequest request = record(exchange);
            Duration delay = latency;
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Reply reply;
            try {
                reply = answer(request, exchange.getRequestURI().getRawPath());
            } catch (Exception e) {
                reply = Reply.error(500, "Fake Oktopost failed: " + e);
            }
            String contentType = reply.headers().getOrDefault("Content-Type", "application/json; charset=utf-8");
            JsonNode json = readings.scalarsAsStrings ? scalarsAsStrings(reply.body(), true) : reply.body();
            byte[] body = contentType.contains("json") ? MAPPER.writeValueAsBytes(json)
                    : reply.body().asText().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The same JSON with every boolean as "1"/"0" and every number as its digits; the root's Result stays. */
    private static JsonNode scalarsAsStrings(JsonNode node, boolean root) {
        if (node.isBoolean()) {
            return MAPPER.getNodeFactory().textNode(node.asBoolean() ? "1" : "0");
        }
        if (node.isNumber()) {
            return MAPPER.getNodeFactory().textNode(node.asText());
        }
        if (node.isArray()) {
            ArrayNode copy = MAPPER.createArrayNode();
            node.forEach(element -> copy.add(scalarsAsStrings(element, false)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = MAPPER.createObjectNode();
            node.properties().forEach(e -> copy.set(e.getKey(),
                    root && e.getKey().equals("Result") ? e.getValue() : scalarsAsStrings(e.getValue(), false)));
            return copy;
        }
        return node;
    }

    private RecordedRequest record(HttpExchange exchange) throws IOException {
        String rawPath = exchange.getRequestURI().getRawPath();
        String path = rawPath.equals("/v2") || rawPath.startsWith("/v2/") ? decode(rawPath.substring(3)) : decode(rawPath);
        if (path.isEmpty()) {
            path = "/";
        }
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String contentType = headers.getOrDefault("content-type", "");
        Map<String, String> form = contentType.contains("x-www-form-urlencoded") ? parse(body) : Map.of();
        RecordedRequest request = new RecordedRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT), path,
                parse(exchange.getRequestURI().getRawQuery()), form, Collections.unmodifiableMap(headers), clock.instant());
        requests.add(request);
        return request;
    }

    private Reply answer(RecordedRequest request, String rawPath) throws Exception {
        if (!rawPath.equals("/v2") && !rawPath.startsWith("/v2/")) {
            return notFound();
        }
        Reply throttled = throttle();
        if (throttled != null) {
            return throttled;
        }
        if (!authorised(request.header("authorization"))) {
            return Reply.error(401, "Invalid API credentials");
        }
        synchronized (this) {
            Reply fault = takeFault(request);
            if (fault != null) {
                return fault;
            }
            for (CustomRoute custom : routes) {
                if ((custom.method().equals("*") || custom.method().equals(request.method()))
                        && custom.path().matcher(request.path()).matches()) {
                    Reply reply = custom.route().answer(request);
                    if (reply != null) {
                        return reply;
                    }
                }
            }
            return builtIn(request);
        }
    }

    private boolean authorised(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            return decoded.equals(expectedAccountId + ":" + expectedApiKey);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Reply takeFault(RecordedRequest request) {
        for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
            Fault fault = it.next();
            if (matching(fault.method(), fault.pathPrefix()).test(request)) {
                it.remove();
                return fault.reply();
            }
        }
        return null;
    }

    private Reply builtIn(RecordedRequest r) {
        String[] segments = r.path().substring(1).split("/");
        String resource = segments[0];
        String id = segments.length > 1 ? segments[1] : null;
        if (segments.length > 2) {
            return notFound();
        }
        String method = r.method();
        return switch (resource) {
            case "me" -> method.equals("GET") && id == null ? me(r) : notFound();
            case "workflow" -> method.equals("GET") ? (id == null ? listWorkflows(r) : getWorkflow(id, r)) : notFound();
            case "workflow-step" -> method.equals("GET") ? (id == null ? listSteps(r) : getStep(id)) : notFound();
            case "workflow-item" -> switch (method) {
                case "GET" -> id == null ? listItems(r) : notFound();
                case "POST" -> id == null ? sendToWorkflow(r) : decide(id, r);
                case "DELETE" -> id == null ? notFound() : removeItem(id);
                default -> notFound();
            };
            case "message" -> switch (method) {
                case "GET" -> id == null ? listMessages(r) : getOne("Message", messages, id);
                case "POST" -> id == null ? createMessage(r) : updateMessage(id, r);
                case "DELETE" -> id == null ? notFound() : delete(messages, id);
                default -> notFound();
            };
            case "post" -> switch (method) {
                case "GET" -> id == null ? listPosts(r) : getPost(id, r);
                case "POST" -> id == null ? createPosts(r) : updatePost(id, r);
                case "DELETE" -> id == null ? notFound() : deletePost(id);
                default -> notFound();
            };
            case "story" -> switch (method) {
                case "GET" -> id == null ? listStories(r) : getOne("Item", stories, id);
                case "POST" -> id == null ? createStory(r) : notFound();
                case "DELETE" -> id == null ? notFound() : delete(stories, id);
                default -> notFound();
            };
            case "advocate" -> method.equals("GET") ? (id == null ? listAdvocates(r) : getAdvocate(id, r)) : notFound();
            case "user" -> method.equals("GET") ? (id == null ? listUsers(r) : getOne("User", users, id)) : notFound();
            case "credential" -> method.equals("GET") ? (id == null ? listCredentials(r) : getOne("Credential", credentials, id)) : notFound();
            case "campaign" -> method.equals("GET") ? (id == null ? listCampaigns(r) : getOne("Campaign", campaigns, id)) : notFound();
            case "board" -> method.equals("GET") ? (id == null ? page(r, boards.values(), PAGE_SIZES, 25) : getOne("Board", boards, id)) : notFound();
            case "webhook" -> switch (method) {
                case "GET" -> id == null ? listWebhooks(r) : getWebhook(id);
                case "POST" -> id == null ? addWebhook(r) : updateWebhook(id, r);
                case "DELETE" -> id == null ? notFound() : delete(webhooks, id);
                default -> notFound();
            };
            case "postlog" -> method.equals("GET") ? (id == null ? listPostLogs(r) : getPostLog(id)) : notFound();
            case "upload", "media", "video-validate" -> mediaRoute(resource, method, id, r);
            case "webhook-log" -> method.equals("GET") && id != null && webhooks.containsKey(id)
                    ? page(r, webhookLog.entries(id), PAGE_SIZES, 25) : notFound();
            default -> notFound();
        };
    }

    // ------------------------------------------------------------------ routes: account, workflows

    private Reply me(RecordedRequest r) {
        ObjectNode body = result(true);
        ObjectNode user = body.putObject("User");
        for (String field : List.of("Id", "Name", "Email", "LastLogin")) {
            user.set(field, meUser.get(field));
        }
        body.set("Account", account.deepCopy());
        return Reply.ok(body);
    }

    private Reply listWorkflows(RecordedRequest r) {
        ObjectNode body = result(true);
        ArrayNode array = body.putArray("Items");
        workflows.values().forEach(w -> array.add(renderWorkflow(w, flag(r, "withSteps"))));
        return Reply.ok(body);
    }

    private Reply getWorkflow(String id, RecordedRequest r) {
        ObjectNode workflow = workflows.get(id);
        if (workflow == null) {
            return notFound();
        }
        ObjectNode body = result(true);
        body.setAll(renderWorkflow(workflow, flag(r, "withSteps")));
        return Reply.ok(body);
    }

    private ObjectNode renderWorkflow(ObjectNode workflow, boolean withSteps) {
        ObjectNode copy = workflow.deepCopy();
        if (withSteps) {
            ArrayNode array = copy.putArray("Steps");
            stepsOf(workflow.get("Id").asText()).forEach(s -> array.add(s.deepCopy()));
        }
        return copy;
    }

    private Reply listSteps(RecordedRequest r) {
        String workflowId = r.param("workflowId");
        ObjectNode body = result(true);
        ArrayNode array = body.putArray("Items");
        steps.values().stream()
                .filter(s -> workflowId == null || workflowId.equals(s.path("WorkflowId").asText()))
                .forEach(s -> array.add(s.deepCopy()));
        return Reply.ok(body);
    }

    private Reply getStep(String id) {
        ObjectNode step = steps.get(id);
        if (step == null) {
            return notFound();
        }
        ObjectNode body = result(true);
        body.setAll(step.deepCopy());
        return Reply.ok(body);
    }

    // ------------------------------------------------------------------ routes: workflow items

    private Reply listItems(RecordedRequest r) {
        int page = intParam(r, "page", 0);
        int count = intParam(r, "count", 20);
        if (count < 1 || count > 1000) {
            return Reply.fieldError("count", "count must be between 1 and 1000");
        }
        String workflowId = r.param("workflowId");
        String stepId = r.param("stepId");
        boolean pendingOnly = readings.decidedItemsLeaveList;
        List<ObjectNode> matching = items.values().stream()
                .filter(i -> workflowId == null || workflowId.equals(i.path("WorkflowId").asText()))
                .filter(i -> stepId == null || stepId.equals(i.path("StepId").asText()))
                .filter(i -> !pendingOnly || "pending".equals(i.path("Status").asText()))
                .toList();
        List<ObjectNode> slice = slice(matching, page, count);
        ObjectNode body = result(true);
        body.put("Total", matching.size());
        ArrayNode array = body.putArray("Items");
        boolean withHistory = flag(r, "withHistory");
        slice.forEach(i -> array.add(renderItem(i, withHistory)));
        if (flag(r, "withAuthors")) {
            ObjectNode authors = body.putObject("Authors");
            slice.forEach(i -> {
                ObjectNode author = users.get(i.path("CreatedBy").asText());
                if (author != null) {
                    authors.set(author.get("Id").asText(), person(author));
                }
            });
        }
        if (flag(r, "withSteps")) {
            ObjectNode stepsById = body.putObject("Steps");
            slice.forEach(i -> {
                ObjectNode step = steps.get(i.path("StepId").asText());
                if (step != null) {
                    stepsById.set(step.get("Id").asText(), step.deepCopy());
                }
            });
        }
        return Reply.ok(body);
    }

    private Reply sendToWorkflow(RecordedRequest r) {
        String entityId = r.param("entityId");
        String workflowId = r.param("workflowId");
        if (blank(entityId)) {
            return Reply.fieldError("entityId", "entityId is required");
        }
        if (blank(workflowId) || !workflows.containsKey(workflowId)) {
            return Reply.fieldError("workflowId", "Workflow not found");
        }
        if (entityField(entityId) == null) {
            return Reply.error(404, "Entity " + entityId + " not found");
        }
        if (itemFor(entityId).filter(i -> "pending".equals(i.path("Status").asText())).isPresent()) {
            return Reply.fieldError("entityId", "The item is already pending approval");
        }
        if (stepsOf(workflowId).isEmpty()) {
            return Reply.fieldError("workflowId", "The workflow has no steps");
        }
        ObjectNode item = addWorkflowItem(entityId, workflowId, meUser.get("Id").asText());
        return data(item);
    }

    /** Approves or rejects; a stepId other than the item's current step (or a settled item) changes nothing. */
    private Reply decide(String entityId, RecordedRequest r) {
        Optional<ObjectNode> found = itemFor(entityId);
        if (found.isEmpty()) {
            return Reply.error(404, "The item is not pending approval");
        }
        ObjectNode item = found.get();
        String stepId = r.param("stepId");
        boolean stale = stepId != null && !stepId.equals(item.path("StepId").asText());
        if (stale || !"pending".equals(item.path("Status").asText())) {
            return data(item);
        }
        boolean approve = "1".equals(r.param("isApprove"));
        String currentStep = item.path("StepId").asText();
        ((ArrayNode) item.get("History")).add(history(approve ? "approved" : "rejected", meUser.get("Id").asText(),
                r.param("note"), currentStep));
        if (!approve) {
            item.put("Status", "rejected");
        } else if (waitsForOtherApprovers(item, currentStep)) {
            item.put("Modified", now());
            return data(item);
        } else {
            List<ObjectNode> workflowSteps = stepsOf(item.path("WorkflowId").asText());
            int index = indexOf(workflowSteps, currentStep);
            if (index < 0 || index == workflowSteps.size() - 1) {
                item.put("Status", "approved");
            } else {
                item.put("StepId", workflowSteps.get(index + 1).get("Id").asText());
            }
        }
        item.put("Modified", now());
        return data(item);
    }

    /** A step everyone must approve moves on once it has as many approvals as approvers. */
    private boolean waitsForOtherApprovers(ObjectNode item, String stepId) {
        ObjectNode step = steps.get(stepId);
        if (step == null || !step.path("MustBeApprovedByEveryone").asBoolean()) {
            return false;
        }
        long approvals = 0;
        for (JsonNode entry : item.get("History")) {
            if (stepId.equals(entry.path("StepId").asText()) && "approved".equals(entry.path("Action").asText())) {
                approvals++;
            }
        }
        return approvals < step.path("Approvers").size();
    }

    private Reply removeItem(String entityId) {
        Optional<ObjectNode> found = itemFor(entityId);
        if (found.isEmpty()) {
            return Reply.error(404, "The item is not pending approval");
        }
        items.remove(found.get().get("Id").asText());
        return Reply.ok();
    }

    private static final List<String> DOCUMENTED_ITEM_FIELDS = List.of("Id", "CreatedBy", "Status", "StepId", "WorkflowId");
    private static final List<String> ENTITY_FIELDS = List.of("PostId", "MessageId", "StoryId", "EntityId");

    private ObjectNode renderItem(ObjectNode item, boolean withHistory) {
        ObjectNode copy;
        if (readings.documentedItemFieldsOnly) {
            // The reference and the SDK name the entity MessageId whatever it is (a message, post or story).
            copy = MAPPER.createObjectNode();
            DOCUMENTED_ITEM_FIELDS.forEach(f -> copy.set(f, item.get(f)));
            ENTITY_FIELDS.stream().map(item::get).filter(v -> v != null && !v.isNull()).findFirst()
                    .ifPresent(id -> copy.set("MessageId", id));
            if (withHistory && item.has("History")) {
                copy.set("History", item.get("History").deepCopy());
            }
        } else {
            copy = item.deepCopy();
            if (!withHistory) {
                copy.remove("History");
            }
        }
        return copy;
    }

    private Reply data(ObjectNode item) {
        ObjectNode body = result(true);
        body.set("Data", renderItem(item, false));
        return Reply.ok(body);
    }

    // ------------------------------------------------------------------ routes: messages

    private Reply listMessages(RecordedRequest r) {
        String ids = r.param("ids");
        String campaignId = r.param("campaignId");
        List<ObjectNode> found;
        if (ids != null) {
            List<String> wanted = Arrays.stream(ids.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (wanted.size() > 100) {
                return Reply.fieldError("ids", "At most 100 ids are allowed");
            }
            found = wanted.stream().distinct().map(messages::get).filter(m -> m != null).toList();
        } else if (campaignId != null) {
            String network = r.param("network");
            found = messages.values().stream()
                    .filter(m -> campaignId.equals(m.path("CampaignId").asText()))
                    .filter(m -> network == null || network.equalsIgnoreCase(m.path("Network").asText()))
                    .toList();
        } else {
            return Reply.fieldError("campaignId", "campaignId or ids is required");
        }
        // A list like any other: it pages, ids= included.
        return page(r, found, PAGE_SIZES, 25);
    }

    private Reply createMessage(RecordedRequest r) {
        String network = r.param("network");
        if (blank(network) || !NETWORKS.contains(network.toLowerCase(Locale.ROOT))) {
            return Reply.fieldError("network", "Invalid network");
        }
        if (blank(r.param("campaignId"))) {
            return Reply.fieldError("campaignId", "campaignId is required");
        }
        if (r.param("message") == null && r.param("media") == null) {
            return Reply.fieldError("message", "message is required");
        }
        Reply invalidLink = checkLinkAttachment(r);
        if (invalidLink != null) {
            return invalidLink;
        }
        Reply invalidMedia = checkMessageMedia(network, r);
        if (invalidMedia != null) {
            return invalidMedia;
        }
        ObjectNode message = addMessage(r.param("campaignId"), network, r.param("message") == null ? "" : r.param("message"));
        applyMessageFields(message, r);
        return one("Message", message);
    }

    private Reply updateMessage(String id, RecordedRequest r) {
        ObjectNode message = messages.get(id);
        if (message == null) {
            return notFound();
        }
        Reply invalidLink = checkLinkAttachment(r);
        if (invalidLink != null) {
            return invalidLink;
        }
        if (r.param("message") != null) {
            message.put("Message", r.param("message"));
        }
        applyMessageFields(message, r);
        message.put("Modified", now());
        return one("Message", message);
    }

    /** The reference: a link attachment needs all four of linkUrl, linkTitle, description and imageUrl. */
    private static Reply checkLinkAttachment(RecordedRequest r) {
        List<String> fields = List.of("linkUrl", "linkTitle", "description", "imageUrl");
        long given = fields.stream().filter(r::has).count();
        if (given > 0 && given < fields.size()) {
            String missing = fields.stream().filter(f -> !r.has(f)).collect(Collectors.joining(", "));
            return Reply.fieldError("linkUrl", "A link attachment also needs " + missing);
        }
        return null;
    }

    private void applyMessageFields(ObjectNode message, RecordedRequest r) {
        Map<String, String> fields = Map.of("linkUrl", "LinkUrl", "linkTitle", "LinkTitle", "description", "Description",
                "imageUrl", "ImageUrl", "title", "Subject");
        fields.forEach((param, field) -> {
            if (r.param(param) != null) {
                message.put(field, r.param(param));
            }
        });
        if (r.param("media") != null) {
            ArrayNode media = message.putArray("Media");
            for (String mediaId : r.param("media").split(",")) {
                media.addObject().put("Id", mediaId.strip()).put("Type", "Image").put("Status", "valid");
            }
        }
    }

    // ------------------------------------------------------------------ routes: posts

    private Reply listPosts(RecordedRequest r) {
        String[] order = Optional.ofNullable(r.param("_order")).orElse("created,0").split(",");
        String orderField = switch (order[0].strip()) {
            case "modified" -> "Modified";
            case "startDateTime" -> "StartDateTime";
            case "created" -> "Created";
            default -> null;
        };
        if (orderField == null) {
            return Reply.fieldError("_order", "Invalid order field " + order[0]);
        }
        boolean ascending = order.length > 1 && "1".equals(order[1].strip());
        String after = r.param("after");
        String before = r.param("before");
        Map<String, String> filters = Map.of("campaignId", "CampaignId", "messageId", "MessageId", "status", "Status",
                "createdBy", "CreatedBy", "source", "Source");
        Comparator<ObjectNode> byField = Comparator.comparing(p -> p.path(orderField).asText());
        List<ObjectNode> matching = posts.values().stream()
                .filter(p -> filters.entrySet().stream()
                        .allMatch(f -> r.param(f.getKey()) == null || r.param(f.getKey()).equals(p.path(f.getValue()).asText())))
                .filter(p -> after == null || p.path(orderField).asText().compareTo(after) >= 0)
                .filter(p -> before == null || p.path(orderField).asText().compareTo(before) < 0)
                .sorted(ascending ? byField : byField.reversed())
                .toList();
        return page(r, matching, PAGE_SIZES, 25);
    }

    private Reply createPosts(RecordedRequest r) {
        ObjectNode message = r.param("messageId") == null ? null : messages.get(r.param("messageId"));
        if (message == null) {
            return Reply.fieldError("messageId", "Message not found");
        }
        if (blank(r.param("credentialIds"))) {
            return Reply.fieldError("credentialIds", "credentialIds is required");
        }
        List<String> credentialIds = Arrays.stream(r.param("credentialIds").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String credentialId : credentialIds) {
            if (!knownCredential(credentialId)) {
                return Reply.fieldError("credentialIds", "Unknown social profile " + credentialId);
            }
        }
        String status = Optional.ofNullable(r.param("status")).orElse("pending");
        if (!Set.of("pending", "inqueue", "draft", "inqueue-draft").contains(status)) {
            return Reply.fieldError("status", "Invalid status " + status);
        }
        Instant startAt;
        try {
            startAt = r.param("startDateTime") == null ? clock.instant().plusSeconds(60)
                    : Instant.ofEpochSecond(Long.parseLong(r.param("startDateTime")));
        } catch (NumberFormatException e) {
            return Reply.fieldError("startDateTime", "startDateTime must be a unix timestamp");
        }
        if (readings.postAnswer == Readings.PostAnswer.ONE_POST_FOR_ALL) {
            // The reference: the answer is "similar to the GET endpoint", one Post whose Credentials lists them all.
            ObjectNode post = newPost(message, String.join(",", credentialIds), startAt, status);
            posts.put(post.get("Id").asText(), post);
            return one("Post", post);
        }
        List<ObjectNode> created = new ArrayList<>();
        for (String credentialId : credentialIds) {
            ObjectNode post = newPost(message, credentialId, startAt, status);
            posts.put(post.get("Id").asText(), post);
            created.add(post);
        }
        return created.size() == 1 ? one("Post", created.get(0)) : items(created, created.size());
    }

    private Reply updatePost(String id, RecordedRequest r) {
        ObjectNode post = posts.get(id);
        if (post == null) {
            return notFound();
        }
        if (Set.of("complete", "incomplete").contains(post.path("Status").asText())) {
            return Reply.error(400, "Posts can only be updated before they're published");
        }
        if (r.param("startDateTime") != null) {
            try {
                post.put("StartDateTime", DATE.format(Instant.ofEpochSecond(Long.parseLong(r.param("startDateTime")))));
            } catch (NumberFormatException e) {
                return Reply.fieldError("startDateTime", "startDateTime must be a unix timestamp");
            }
        }
        if (r.param("status") != null) {
            if (!POST_STATUSES.contains(r.param("status"))) {
                return Reply.fieldError("status", "Invalid status " + r.param("status"));
            }
            post.put("Status", r.param("status"));
        }
        if (r.param("messageId") != null) {
            if (!messages.containsKey(r.param("messageId"))) {
                return Reply.fieldError("messageId", "Message not found");
            }
            post.put("MessageId", r.param("messageId"));
        }
        if (r.param("credentialIds") != null) {
            post.put("Credentials", r.param("credentialIds"));
        }
        post.put("Modified", now());
        return one("Post", post);
    }

    private Reply deletePost(String id) {
        ObjectNode post = posts.get(id);
        if (post == null) {
            return notFound();
        }
        if (Set.of("complete", "incomplete").contains(post.path("Status").asText())) {
            return Reply.error(400, "Posts can only be deleted before they're published");
        }
        posts.remove(id);
        return Reply.ok();
    }

    private ObjectNode newPost(ObjectNode message, String credentialId, Instant startAt, String status) {
        return MAPPER.createObjectNode()
                .put("Id", nextId("004"))
                .put("Created", now())
                .put("Modified", now())
                .put("Status", status)
                .put("AccountId", account.get("Id").asText())
                .put("CreatedBy", meUser.get("Id").asText())
                .put("ModifiedBy", meUser.get("Id").asText())
                .put("Source", "API")
                .put("CampaignId", message.path("CampaignId").asText())
                .put("MessageId", message.get("Id").asText())
                .put("Network", message.path("Network").asText())
                .put("StartDateTime", DATE.format(startAt))
                .put("Credentials", credentialId);
    }

    private boolean knownCredential(String id) {
        return credentials.containsKey(id) || advocates.values().stream()
                .anyMatch(a -> a.path("Profiles").findValuesAsText("Id").contains(id));
    }

    // ------------------------------------------------------------------ routes: stories

    private Reply listStories(RecordedRequest r) {
        String boardId = r.param("boardId");
        List<ObjectNode> matching = new ArrayList<>(stories.values().stream()
                .filter(s -> boardId == null || boardId.equals(s.path("BoardId").asText()))
                .toList());
        Collections.reverse(matching);
        return page(r, matching, PAGE_SIZES, 25);
    }

    private Reply createStory(RecordedRequest r) {
        for (String required : List.of("title", "description", "campaignId")) {
            if (blank(r.param(required))) {
                return Reply.fieldError(required, required + " is required");
            }
        }
        String boardId = r.param("boardId");
        if (boardId == null) {
            if (boards.isEmpty()) {
                return Reply.fieldError("boardId", "The account has no active board");
            }
            boardId = boards.keySet().iterator().next();
        } else if (!boards.containsKey(boardId)) {
            return Reply.fieldError("boardId", "Board not found");
        }
        List<String> messageIds = r.param("messageIds") == null ? List.of()
                : Arrays.stream(r.param("messageIds").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String messageId : messageIds) {
            if (!messages.containsKey(messageId)) {
                return Reply.fieldError("messageIds", "Message not found: " + messageId);
            }
        }
        String workflowId = r.param("workflowId");
        if (workflowId != null && (!workflows.containsKey(workflowId) || stepsOf(workflowId).isEmpty())) {
            return Reply.fieldError("workflowId", "Workflow not found");
        }
        String status = workflowId != null ? "pending" : "1".equals(r.param("isDraft")) ? "draft" : "published";
        String publish;
        String expire;
        try {
            publish = r.param("publishDatetime") == null ? now()
                    : DATE.format(Instant.ofEpochSecond(Long.parseLong(r.param("publishDatetime"))));
            expire = DATE.format(r.param("expirationDatetime") == null ? clock.instant().plus(Duration.ofDays(180))
                    : Instant.ofEpochSecond(Long.parseLong(r.param("expirationDatetime"))));
        } catch (NumberFormatException e) {
            return Reply.fieldError("publishDatetime", "Dates must be unix timestamps");
        }
        ObjectNode story = newStory(boardId, r.param("title"), r.param("description"), r.param("campaignId"), messageIds,
                status, publish, expire);
        if (r.param("link") != null) {
            story.put("LinkUrl", r.param("link"));
        }
        story.put("IsFeatured", "1".equals(r.param("isFeatured")));
        if (r.param("topicIds") != null) {
            ArrayNode topics = story.putArray("Topics");
            Arrays.stream(r.param("topicIds").split(",")).map(String::strip).forEach(topics::add);
        }
        if (r.param("tagIds") != null) {
            ArrayNode tags = story.putArray("Tags");
            Arrays.stream(r.param("tagIds").split(",")).map(String::strip).forEach(tags::add);
        }
        String storyId = story.get("ID").asText();
        stories.put(storyId, story);
        if (workflowId != null) {
            story.put("WorkflowId", workflowId);
            addWorkflowItem(storyId, workflowId, meUser.get("Id").asText());
        }
        return readings.storyAnswer == Readings.StoryAnswer.STORY ? one("Item", story) : Reply.ok();
    }

    private ObjectNode newStory(String boardId, String title, String description, String campaignId,
                                List<String> messageIds, String status, String publishDate, String expirationDate) {
        ObjectNode story = MAPPER.createObjectNode()
                .put("ID", nextId("0AS"))
                .put("Created", now())
                .put("Modified", now())
                .put("AccountId", account.get("Id").asText())
                .put("CreatedBy", meUser.get("Id").asText())
                .put("BoardId", boardId)
                .put("CampaignId", campaignId)
                .put("PublishDate", publishDate)
                .put("ExpirationDate", expirationDate)
                .put("IsFeatured", false)
                .put("Title", title)
                .put("Description", description)
                .putNull("ImageUrl")
                .putNull("LinkUrl")
                .put("Type", "text")
                .put("Status", status)
                .put("ShareCount", 0)
                .putNull("WorkflowId");
        ArrayNode storyMessages = story.putArray("Messages");
        for (String messageId : messageIds) {
            ObjectNode message = require(messages, messageId, "message");
            storyMessages.addObject()
                    .put("Id", messageId)
                    .put("Network", message.path("Network").asText())
                    .put("Message", message.path("Message").asText())
                    .put("Type", message.path("LinkUrl").asText().isEmpty() ? "text" : "link")
                    .put("LinkTitle", message.path("LinkTitle").asText())
                    .put("LinkUrl", message.path("LinkUrl").asText())
                    .put("Description", message.path("Description").asText())
                    .put("ImageUrl", message.path("ImageUrl").asText())
                    .putArray("Media");
        }
        story.putArray("Media");
        story.putArray("Topics");
        story.putArray("Tags");
        return story;
    }

    // ------------------------------------------------------------------ routes: people

    private Reply getAdvocate(String id, RecordedRequest r) {
        ObjectNode advocate = advocates.get(id);
        if (advocate == null) {
            return notFound();
        }
        ObjectNode copy = advocate.deepCopy();
        if (r.param("boardId") != null) {
            copy.putArray("Topics");
            copy.putArray("LatestShares");
        }
        ObjectNode body = result(true);
        body.set("Advocate", copy);
        return Reply.ok(body);
    }

    private Reply listAdvocates(RecordedRequest r) {
        String email = r.param("email");
        List<ObjectNode> matching = advocates.values().stream()
                .filter(a -> email == null || email.equalsIgnoreCase(a.path("Email").asText()))
                .map(a -> {
                    ObjectNode summary = MAPPER.createObjectNode();
                    for (String field : List.of("Email", "Id", "LastBoardLogin", "Name", "PictureUrl")) {
                        summary.set(field, a.get(field));
                    }
                    return summary;
                })
                .toList();
        return page(r, matching, PAGE_SIZES, 25);
    }

    private Reply listUsers(RecordedRequest r) {
        List<ObjectNode> summaries = users.values().stream().map(u -> {
            ObjectNode summary = MAPPER.createObjectNode();
            for (String field : List.of("Id", "Name", "Email", "LastLogin", "Role", "Timezone")) {
                summary.set(field, u.get(field));
            }
            return summary;
        }).toList();
        return page(r, summaries, PAGE_SIZES, 25);
    }

    // ------------------------------------------------------------------ routes: publishing targets

    private Reply listCredentials(RecordedRequest r) {
        String network = r.param("network");
        boolean includeInvalid = "1".equals(r.param("includeInvalid"));
        List<ObjectNode> matching = credentials.values().stream()
                .filter(c -> network == null || network.equalsIgnoreCase(c.path("Network").asText()))
                .filter(c -> includeInvalid || "valid".equals(c.path("Status").asText()))
                .toList();
        return page(r, matching, PAGE_SIZES, 25);
    }

    private Reply listCampaigns(RecordedRequest r) {
        String q = r.param("q");
        String status = r.param("status");
        List<ObjectNode> matching = campaigns.values().stream()
                .filter(c -> q == null || c.path("Name").asText().toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT)))
                .filter(c -> status == null || status.equals(c.path("Status").asText()))
                .toList();
        return page(r, matching, PAGE_SIZES, 25);
    }

    // ------------------------------------------------------------------ routes: webhooks

    private Reply listWebhooks(RecordedRequest r) {
        String event = r.param("event");
        String name = r.param("name");
        List<ObjectNode> matching = webhooks.values().stream()
                .filter(w -> event == null || event.equals(w.path("Event").asText()))
                .filter(w -> name == null || w.path("Name").asText().contains(name))
                .map(FakeOktopost::withoutSecret)
                .toList();
        return page(r, matching, WEBHOOK_PAGE_SIZES, 20);
    }

    private Reply getWebhook(String id) {
        ObjectNode webhook = webhooks.get(id);
        return webhook == null ? notFound() : one("Webhook", withoutSecret(webhook));
    }

    private Reply addWebhook(RecordedRequest r) {
        String event = r.param("event");
        if (event == null || !WEBHOOK_EVENTS.contains(event)) {
            return Reply.fieldError("event", "Invalid event type " + event);
        }
        if (blank(r.param("url"))) {
            return Reply.fieldError("url", "url is required");
        }
        ObjectNode webhook = newWebhook(event, Optional.ofNullable(r.param("name")).orElse(""),
                Optional.ofNullable(r.param("description")).orElse(""), r.param("url"), !"0".equals(r.param("isEnabled")));
        webhooks.put(webhook.get("Id").asText(), webhook);
        // Only the creation answer reveals the secret.
        return one("Webhook", webhook);
    }

    private Reply updateWebhook(String id, RecordedRequest r) {
        ObjectNode webhook = webhooks.get(id);
        if (webhook == null) {
            return notFound();
        }
        if (r.param("event") != null && !WEBHOOK_EVENTS.contains(r.param("event"))) {
            return Reply.fieldError("event", "Invalid event type " + r.param("event"));
        }
        Map<String, String> fields = Map.of("event", "Event", "name", "Name", "description", "Description", "url", "Url");
        fields.forEach((param, field) -> {
            if (r.param(param) != null) {
                webhook.put(field, r.param(param));
            }
        });
        if (r.param("isEnabled") != null) {
            webhook.put("IsEnabled", "1".equals(r.param("isEnabled")) ? 1 : 0);
        }
        webhook.put("Modified", now());
        return one("Webhook", withoutSecret(webhook));
    }

    private ObjectNode newWebhook(String event, String name, String description, String url, boolean enabled) {
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        return MAPPER.createObjectNode()
                .put("Id", nextId("0WA"))
                .put("Name", name)
                .put("Description", description)
                .put("Event", event)
                .put("Url", url)
                .put("LastExecutionDate", "-")
                .put("IsEnabled", enabled ? 1 : 0)
                .put("Secret", HexFormat.of().formatHex(secret))
                .put("Created", now())
                .put("Modified", now());
    }

    private static ObjectNode withoutSecret(ObjectNode webhook) {
        ObjectNode copy = webhook.deepCopy();
        copy.remove("Secret");
        return copy;
    }

    // ------------------------------------------------------------------ sent posts: post log, stats, postSent

    /**
     * The post goes out: it becomes {@code complete} and gets a post log entry per profile, {@code Status}
     * success with its {@code RemoteUrl} (the profile's number appended after the first).
     */
    public synchronized List<ObjectNode> publish(String postId, String remoteUrl) {
        return send(postId, "complete", remoteUrl, null);
    }

    /** The post fails on every profile with Oktopost's {@code Error}; the reference names no failed status. */
    public synchronized List<ObjectNode> failToPublish(String postId, String error) {
        return send(postId, "error", null, error);
    }

    private List<ObjectNode> send(String postId, String status, String remoteUrl, String error) {
        ObjectNode post = require(posts, postId, "post");
        post.put("Status", status).put("Modified", now());
        List<ObjectNode> logs = new ArrayList<>();
        List<String> credentialIds = Arrays.stream(post.path("Credentials").asText().split(","))
                .map(String::strip).filter(c -> !c.isEmpty()).toList();
        for (int i = 0; i < credentialIds.size(); i++) {
            logs.add(MAPPER.createObjectNode()
                    .put("Id", nextId("007"))
                    .put("PostId", postId)
                    .put("CampaignId", post.path("CampaignId").asText())
                    .put("MessageId", post.path("MessageId").asText())
                    .put("CredentialId", credentialIds.get(i))
                    .put("Created", now())
                    .put("Modified", now())
                    .put("Status", error == null ? "success" : "failed")
                    .put("Network", post.path("Network").asText())
                    .put("RemoteId", error == null ? "remote-" + postId + "-" + i : "")
                    .put("RemoteUrl", error == null ? (i == 0 ? remoteUrl : remoteUrl + "-" + i) : "")
                    .put("Error", error == null ? "" : error));
        }
        postLogs.put(postId, logs);
        return logs;
    }

    /** The post's {@code Stats}; list items show Clicks (link clicks), Comments and Likes as well. */
    public synchronized ObjectNode setStats(String postId, int linkClicks, int comments, int likes, int shares,
                                            int impressions) {
        ObjectNode post = require(posts, postId, "post");
        post.put("Clicks", linkClicks).put("Comments", comments).put("Likes", likes);
        ObjectNode stats = MAPPER.createObjectNode().put("LinkClicks", linkClicks).put("Conversions", 0)
                .put("Comments", comments).put("Likes", likes).put("Shares", shares).put("ImpressionsAdded", impressions);
        postStats.put(postId, stats);
        return stats;
    }

    public synchronized List<ObjectNode> postLogsOf(String postId) {
        return List.copyOf(postLogs.getOrDefault(postId, List.of()));
    }

    private Reply getPost(String id, RecordedRequest r) {
        Reply reply = getOne("Post", posts, id);
        if (reply.status() != 200 || !flag(r, "stats")) {
            return reply;
        }
        ObjectNode body = (ObjectNode) reply.body();
        ObjectNode stats = postStats.get(id);
        body.set("Stats", stats != null ? stats.deepCopy() : MAPPER.createObjectNode().put("LinkClicks", 0)
                .put("Conversions", 0).put("Comments", 0).put("Likes", 0).put("Shares", 0).put("ImpressionsAdded", 0));
        return reply;
    }

    /** {@code GET /postlog?postId=}: pages at {@code _count} 25 by default, 25/50/100 only. */
    private Reply listPostLogs(RecordedRequest r) {
        String postId = r.param("postId");
        if (blank(postId)) {
            return Reply.fieldError("postId", "postId is required");
        }
        if (!posts.containsKey(postId)) {
            return notFound();
        }
        Reply paged = page(r, postLogs.getOrDefault(postId, List.of()), PAGE_SIZES, 25);
        if (paged.status() != 200 || readings.postLogList == Readings.PostLogList.ITEMS) {
            return paged;
        }
        ObjectNode body = result(true);
        body.set("Postlogs", paged.body().get("Items"));
        return Reply.ok(body);
    }

    private Reply getPostLog(String id) {
        return postLogs.values().stream().flatMap(List::stream).filter(l -> id.equals(l.path("Id").asText()))
                .findFirst().map(l -> one("Postlog", l)).orElseGet(FakeOktopost::notFound);
    }

    // ------------------------------------------------------------------ helpers

    private Reply getOne(String key, Map<String, ObjectNode> store, String id) {
        ObjectNode found = hidden.contains(id) ? null : store.get(id);
        return found == null ? notFound() : one(key, found);
    }

    private Reply delete(Map<String, ObjectNode> store, String id) {
        return store.remove(id) == null ? notFound() : Reply.ok();
    }

    private static Reply one(String key, ObjectNode value) {
        ObjectNode body = result(true);
        body.set(key, value.deepCopy());
        return Reply.ok(body);
    }

    private Reply items(List<ObjectNode> list, int total) {
        ObjectNode body = result(true);
        ArrayNode array = body.putArray("Items");
        list.forEach(item -> array.add(item.deepCopy()));
        body.put("Total", total);
        return Reply.ok(body);
    }

    /** {@code _page}/{@code _count} paging; {@code allowedCounts} null accepts 1..100. */
    private Reply page(RecordedRequest r, java.util.Collection<ObjectNode> all, Set<Integer> allowedCounts, int defaultCount) {
        int page = intParam(r, "_page", 0);
        int count = intParam(r, "_count", defaultCount);
        if (page < 0) {
            return Reply.fieldError("_page", "Invalid _page " + r.param("_page"));
        }
        if (allowedCounts != null ? !allowedCounts.contains(count) : count < 1 || count > 100) {
            return Reply.fieldError("_count", "Invalid _count " + count);
        }
        List<ObjectNode> visible = all.stream().filter(this::visible).toList();
        return items(slice(visible, page, count), visible.size());
    }

    private boolean visible(ObjectNode resource) {
        JsonNode id = resource.has("Id") ? resource.get("Id") : resource.get("ID");
        return id == null || !hidden.contains(id.asText());
    }

    private static List<ObjectNode> slice(List<ObjectNode> all, int page, int count) {
        int from = Math.min(all.size(), page * count);
        return all.subList(from, Math.min(all.size(), from + count));
    }

    private static int intParam(RecordedRequest r, String name, int fallback) {
        String value = r.param(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean flag(RecordedRequest r, String name) {
        return "1".equals(r.param(name)) || "true".equalsIgnoreCase(r.param(name));
    }

    // ------------------------------------------------------------------ routes: media uploads (media from Slack)
    //
    // POST /upload fetches the source for real, as Oktopost does: HEAD (200, Accept-Ranges: bytes, Content-Length),
    // then ranged GETs of UPLOAD_CHUNK bytes, each 206 with the matching Content-Range; anything else fails the
    // upload with LastError. GET /upload/{id} answers pending at least once before complete. POST /message takes
    // media ids that exist, within each network's limit, never with a link attachment; YouTube one video and a title.

    /** Bytes per ranged GET of an upload's source, small so a test file takes several. */
    public static final int UPLOAD_CHUNK = 4096;
    private static final Set<String> UPLOAD_MIME_TYPES = Set.of("video/mp4", "image/gif", "image/png", "image/jpg", "image/jpeg");
    private static final Map<String, Integer> MEDIA_LIMITS = Map.of("twitter", 4, "facebook", 18, "instagram", 10,
            "linkedin", 9, "youtube", 1);

    private final Map<String, ObjectNode> uploads = new LinkedHashMap<>();
    private final Map<String, ObjectNode> media = new LinkedHashMap<>();
    private final Map<String, byte[]> mediaBytes = new java.util.concurrent.ConcurrentHashMap<>();
    /** Uploads whose fetch ended, with what it found (complete or failed) not yet shown to a GET. */
    private final Map<String, ObjectNode> fetched = new LinkedHashMap<>();
    private final Set<String> pendingShown = new java.util.HashSet<>();
    private final List<String> fetchLog = new CopyOnWriteArrayList<>();
    private final java.net.http.HttpClient fetcher = java.net.http.HttpClient.newBuilder()
            .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();

    private synchronized void clearMedia() {
        if (uploads == null) {
            return; // called from the constructor before the fields are set
        }
        uploads.clear();
        media.clear();
        mediaBytes.clear();
        fetched.clear();
        pendingShown.clear();
        fetchLog.clear();
    }

    /** The media library, as {@code GET /media/{id}} shows it. */
    public synchronized List<ObjectNode> media() {
        return List.copyOf(media.values());
    }

    /** The bytes Oktopost took for a media item. */
    public byte[] mediaBytes(String mediaId) {
        return mediaBytes.get(mediaId);
    }

    public synchronized List<ObjectNode> uploads() {
        return List.copyOf(uploads.values());
    }

    /** What the fetches did, one line a request: {@code HEAD <status>}, {@code GET <range> <status>}. */
    public List<String> fetchLog() {
        return List.copyOf(fetchLog);
    }

    private Reply mediaRoute(String resource, String method, String id, RecordedRequest r) {
        return switch (resource) {
            case "upload" -> switch (method) {
                case "POST" -> id == null ? createUpload(r) : notFound();
                case "GET" -> id == null ? page(r, uploads.values(), PAGE_SIZES, 25) : getUpload(id);
                default -> notFound();
            };
            case "media" -> switch (method) {
                case "GET" -> id == null ? page(r, media.values(), PAGE_SIZES, 25) : getOne("Media", media, id);
                case "DELETE" -> {
                    if (id != null) {
                        mediaBytes.remove(id);
                    }
                    yield id == null ? notFound() : delete(media, id);
                }
                default -> notFound();
            };
            default -> method.equals("GET") && id != null ? validateVideo(id) : notFound();
        };
    }

    private Reply createUpload(RecordedRequest r) {
        String source = r.param("source");
        if (blank(source) || !(source.startsWith("http://") || source.startsWith("https://"))) {
            return Reply.fieldError("source", "A public URL is required");
        }
        String mimeType = r.param("mimeType");
        if (blank(mimeType) || !UPLOAD_MIME_TYPES.contains(mimeType)) {
            return Reply.fieldError("mimeType", "Unsupported mime type " + mimeType);
        }
        ObjectNode upload = MAPPER.createObjectNode()
                .put("Id", nextId("0up"))
                .put("Created", now())
                .put("Modified", now())
                .put("CreatedBy", meUser.get("Id").asText())
                .put("Status", "pending")
                .put("Name", blank(r.param("name")) ? "upload" : r.param("name"))
                .put("MimeType", mimeType)
                .put("TotalSize", 0)
                .put("Downloaded", 0)
                .put("Source", source)
                .putNull("LastError")
                .put("Attempts", 0)
                .putNull("MediaId");
        uploads.put(upload.get("Id").asText(), upload);
        String uploadId = upload.get("Id").asText();
        String name = upload.get("Name").asText();
        executor.execute(() -> fetch(uploadId, source, name, mimeType));
        return one("Upload", upload);
    }

    private Reply getUpload(String id) {
        ObjectNode upload = uploads.get(id);
        if (upload == null) {
            return notFound();
        }
        // Pending at least once, whatever the fetch did: the app must poll, as with a large file.
        if (pendingShown.add(id)) {
            return one("Upload", upload);
        }
        ObjectNode outcome = fetched.remove(id);
        if (outcome != null) {
            upload.setAll(outcome);
            upload.put("Modified", now());
        }
        return one("Upload", upload);
    }

    private void fetch(String uploadId, String source, String name, String mimeType) {
        ObjectNode outcome = MAPPER.createObjectNode();
        try {
            byte[] bytes = download(source);
            synchronized (this) {
                ObjectNode item = MAPPER.createObjectNode()
                        .put("Id", nextId("026"))
                        .put("AccountId", account.get("Id").asText())
                        .put("Status", "valid")
                        .put("Created", now())
                        .put("Modified", now())
                        .put("Type", mimeType.startsWith("video/") ? "Video" : "Image")
                        .put("Size", bytes.length)
                        .put("Resource", "https://media.fake-oktopost.example/" + uploadId)
                        .put("Name", name)
                        .put("MimeType", mimeType);
                media.put(item.get("Id").asText(), item);
                mediaBytes.put(item.get("Id").asText(), bytes);
                outcome.put("Status", "complete").put("TotalSize", bytes.length).put("Downloaded", bytes.length)
                        .put("MediaId", item.get("Id").asText());
                fetched.put(uploadId, outcome);
            }
        } catch (Exception e) {
            synchronized (this) {
                outcome.put("Status", "failed").put("LastError", "Could not download file, " + e.getMessage())
                        .put("Attempts", 5);
                fetched.put(uploadId, outcome);
            }
        }
    }

    /** HEAD, then ranged GETs, as the reference says Oktopost fetches a source. */
    private byte[] download(String source) throws IOException, InterruptedException {
        java.net.URI uri = java.net.URI.create(source);
        var head = fetcher.send(java.net.http.HttpRequest.newBuilder(uri).method("HEAD",
                java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        fetchLog.add("HEAD " + head.statusCode());
        if (head.statusCode() != 200) {
            throw new IOException("error " + head.statusCode() + " on HEAD");
        }
        if (!"bytes".equals(head.headers().firstValue("Accept-Ranges").orElse(null))) {
            throw new IOException("the source does not accept ranges");
        }
        long size = head.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (size <= 0) {
            throw new IOException("the source gives no size");
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (long first = 0; first < size; first += UPLOAD_CHUNK) {
            long last = Math.min(size, first + UPLOAD_CHUNK) - 1;
            var get = fetcher.send(java.net.http.HttpRequest.newBuilder(uri).GET()
                    .header("Range", "bytes=" + first + "-" + last).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            fetchLog.add("GET bytes=" + first + "-" + last + " " + get.statusCode());
            if (get.statusCode() != 206) {
                throw new IOException("error " + get.statusCode() + " on a ranged GET");
            }
            String range = get.headers().firstValue("Content-Range").orElse("");
            if (!range.equals("bytes " + first + "-" + last + "/" + size)) {
                throw new IOException("wrong Content-Range '" + range + "'");
            }
            if (get.body().length != last - first + 1) {
                throw new IOException("a chunk of " + get.body().length + " bytes for " + (last - first + 1));
            }
            out.write(get.body());
        }
        return out.toByteArray();
    }

    private Reply validateVideo(String mediaId) {
        ObjectNode item = media.get(mediaId);
        if (item == null) {
            return notFound();
        }
        if (!"Video".equals(item.path("Type").asText())) {
            return Reply.fieldError("mediaId", "Not a video");
        }
        ObjectNode body = MAPPER.createObjectNode().put("Result", true);
        ObjectNode validations = body.putObject("Validations");
        for (String network : List.of("Facebook", "LinkedIn", "Twitter", "Instagram")) {
            validations.putObject(network).put("isValid", true).putArray("errors");
        }
        validations.putObject("Youtube").put("isValid", true).put("Picture", "1").put("IsBoardMessage", 0);
        return Reply.ok(body);
    }

    /** The reference: a link attachment or media, not both; media that exist, within the network's limit. */
    private Reply checkMessageMedia(String network, RecordedRequest r) {
        String mediaParam = r.param("media");
        List<String> ids = blank(mediaParam) ? List.of()
                : Arrays.stream(mediaParam.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        String key = network.toLowerCase(Locale.ROOT);
        if (key.equals("youtube")) {
            if (ids.size() != 1 || !"Video".equals(Optional.ofNullable(media.get(ids.get(0))).map(m -> m.path("Type").asText()).orElse(""))) {
                return Reply.fieldError("media", "A YouTube message needs one video");
            }
            if (blank(r.param("title"))) {
                return Reply.fieldError("title", "A YouTube message needs a title");
            }
        }
        if (ids.isEmpty()) {
            return null;
        }
        if (!blank(r.param("linkUrl"))) {
            return Reply.fieldError("media", "A message takes a link attachment or media, not both");
        }
        Integer limit = MEDIA_LIMITS.get(key);
        if (limit != null && ids.size() > limit) {
            return Reply.fieldError("media", network + " takes at most " + limit + " media");
        }
        for (String id : ids) {
            if (!media.containsKey(id)) {
                return Reply.fieldError("media", "Unknown media " + id);
            }
        }
        return null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Reply notFound() {
        return Reply.error(404, "The page you are looking for was not found");
    }

    private static ObjectNode result(boolean ok) {
        return MAPPER.createObjectNode().put("Result", ok);
    }

    private static ObjectNode errors(String message) {
        ObjectNode body = result(false);
        body.putObject("Errors").putObject("API").put("Error", message);
        return body;
    }

    private static ObjectNode person(ObjectNode user) {
        return MAPPER.createObjectNode()
                .put("Id", user.get("Id").asText())
                .put("Created", user.path("Created").asText())
                .put("Name", user.path("Name").asText())
                .put("Email", user.path("Email").asText());
    }

    private ObjectNode history(String action, String userId, String note, String stepId) {
        ObjectNode entry = MAPPER.createObjectNode()
                .put("Created", now())
                .put("UserId", userId)
                .put("Action", action)
                .put("StepId", stepId);
        if (note != null) {
            entry.put("Note", note);
        }
        return entry;
    }

    private Optional<ObjectNode> itemFor(String entityId) {
        ObjectNode latest = null;
        for (ObjectNode item : items.values()) {
            boolean same = List.of("PostId", "MessageId", "StoryId", "EntityId").stream()
                    .anyMatch(field -> entityId.equals(item.path(field).asText(null)));
            if (same) {
                if ("pending".equals(item.path("Status").asText())) {
                    return Optional.of(item);
                }
                latest = item;
            }
        }
        return Optional.ofNullable(latest);
    }

    private String entityField(String entityId) {
        if (posts.containsKey(entityId)) {
            return "PostId";
        }
        if (messages.containsKey(entityId)) {
            return "MessageId";
        }
        if (stories.containsKey(entityId)) {
            return "StoryId";
        }
        return null;
    }

    private static int indexOf(List<ObjectNode> nodes, String id) {
        for (int i = 0; i < nodes.size(); i++) {
            if (id.equals(nodes.get(i).get("Id").asText())) {
                return i;
            }
        }
        return -1;
    }

    private String defaultCampaignId() {
        return campaigns.values().stream().filter(c -> "General".equals(c.path("Name").asText())).findFirst()
                .orElseGet(() -> addCampaign("General")).get("Id").asText();
    }

    private static ObjectNode require(Map<String, ObjectNode> store, String id, String what) {
        ObjectNode found = store.get(id);
        if (found == null) {
            throw new IllegalArgumentException("No " + what + " " + id + " in the fake Oktopost");
        }
        return found;
    }

    /** Oktopost-style ids: a three-character type prefix, then digits, 15 characters in all. */
    private String nextId(String prefix) {
        String number = Long.toString(sequence.getAndIncrement());
        return prefix + "0".repeat(Math.max(0, 12 - number.length())) + number;
    }

    private String now() {
        return DATE.format(clock.instant());
    }

    private static Predicate<RecordedRequest> matching(String method, String pathPrefix) {
        String prefix = pathPrefix.startsWith("/v2/") ? pathPrefix.substring(3) : pathPrefix;
        return r -> (method.equals("*") || method.equalsIgnoreCase(r.method()))
                && (prefix.equals("/") || r.path().equals(prefix)
                || r.path().startsWith(prefix.endsWith("/") ? prefix : prefix + "/"));
    }

    private static Map<String, String> parse(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            values.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return Collections.unmodifiableMap(values);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
