package com.oktoslack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A Slack Web API on loopback: answers the methods the app calls, keeps posted messages (with their metadata)
 * so updates can be checked and {@code conversations.history} finds them, and records every call. Also serves
 * response URLs ({@link #responseUrl(String)}), so {@code ctx.respond(...)} follow-ups are recorded as method
 * {@code response_url}.
 *
 * <p>As strict as Slack where the app could get it wrong: a token other than the bot token (or, for
 * {@code apps.connections.open}, an app-level token) is {@code invalid_auth}, a method it does not know is
 * {@code unknown_method}, and blocks beyond Slack's Block Kit limits are {@code invalid_blocks} (views:
 * {@code invalid_arguments}, as Slack answers views.*). Refused calls are recorded too.
 */
public final class FakeSlack implements AutoCloseable {

    /** One recorded call: the Slack method and its parameters (form fields, or JSON fields as text). */
    public record Call(String method, Map<String, String> params, String authorization, Instant at) {
        public String param(String name) {
            return params.get(name);
        }

        public JsonNode json(String name) {
            try {
                return MAPPER.readTree(params.get(name));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A message as it stands after posts and updates. */
    public record Message(String channel, String ts, String text, String blocks, String threadTs, String metadata) {
    }

    /** The bot token of application-test.yml. */
    public static final String BOT_TOKEN = "xoxb-test-token";

    /** The Web API methods this fake answers; any other is {@code unknown_method}, as Slack answers it. */
    static final java.util.Set<String> METHODS = java.util.Set.of("auth.test", "users.info", "chat.postMessage",
            "chat.update", "chat.postEphemeral", "chat.getPermalink", "conversations.info", "conversations.open",
            "conversations.join", "conversations.history", "views.open", "views.update", "views.push", "views.publish",
            "apps.connections.open",
            // files.uploadV2, as the SDK's filesUploadV2 does it: see the block "File uploads" below.
            "files.getUploadURLExternal", "files.completeUploadExternal");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, ObjectNode> users = new ConcurrentHashMap<>();
    private final Map<String, Message> messages = new ConcurrentHashMap<>();
    private final Map<String, Function<Call, Object>> overrides = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong(1_700_000_000_000L);
    private final Map<String, AtomicInteger> rateLimited = new ConcurrentHashMap<>();
    private final Map<String, Integer> retryAfter = new ConcurrentHashMap<>();
    private final Map<String, String> channels = new ConcurrentHashMap<>();
    private final List<String> unescaped = new CopyOnWriteArrayList<>();
    private volatile String botToken = BOT_TOKEN;

    private FakeSlack() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/", this::api);
        server.createContext("/response/", this::responseUrlCall);
        server.createContext("/upload/", this::uploadCall);
        server.createContext(FILES_PATH, this::privateFile);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    public static FakeSlack start() {
        try {
            return new FakeSlack();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value for {@code slack.api-url}. */
    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /** A response_url that records what is sent to it under the name {@code response_url}. */
    public String responseUrl(String id) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/response/" + id;
    }

    public FakeSlack addUser(String id, String email, String realName, String tz, boolean admin) {
        ObjectNode user = MAPPER.createObjectNode();
        user.put("id", id).put("name", realName.toLowerCase().replace(' ', '.')).put("real_name", realName)
                .put("tz", tz).put("tz_offset", 0).put("is_admin", admin).put("is_owner", false);
        user.putObject("profile").put("email", email).put("real_name", realName);
        users.put(id, user);
        return this;
    }

    /**
     * The next {@code times} calls of {@code method} get HTTP 429 with {@code Retry-After: seconds}, as Slack
     * answers a method called too often; the calls are recorded like any other.
     */
    public void rateLimit(String method, int times, int seconds) {
        rateLimited.put(method, new AtomicInteger(times));
        retryAfter.put(method, seconds);
    }

    /** A channel {@code conversations.info} knows; any other id is {@code channel_not_found}. */
    public FakeSlack addChannel(String id, String name) {
        channels.put(id, name);
        return this;
    }

    /**
     * Text the app sent in a message, an ephemeral, a response URL or a view that Slack would turn into a mention
     * of a crowd ({@code <!channel>}, {@code <!here>}, {@code <!everyone>}) or a link of content's choosing
     * to {@code evil.example}, the address tests put in hostile content: the app sends none of its own,
     * so each one is content that went out unescaped. Kept across {@link #reset()}, so a test class can check
     * everything it made the app send.
     */
    public List<String> unescaped() {
        return List.copyOf(unescaped);
    }

    /** The only bot token accepted from now on (the app's {@code slack.bot-token}). */
    public FakeSlack botToken(String token) {
        this.botToken = token;
        return this;
    }

    /** Answers {@code method} with {@code answer.apply(call)} (a Map or JsonNode) instead of the default. */
    public void on(String method, Function<Call, Object> answer) {
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException(method + " is not a method this fake answers");
        }
        overrides.put(method, answer);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    public Map<String, Message> messages() {
        return Map.copyOf(messages);
    }

    public Message message(String channel, String ts) {
        return messages.get(channel + "/" + ts);
    }

    public void reset() {
        calls.clear();
        uploads.clear();
        messages.clear();
        overrides.clear();
        rateLimited.clear();
    }

    /** Waits for a call that matches, for at most {@code timeout}; fails the test if none comes. */
    public Call await(String method, Predicate<Call> matching, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (Call call : calls) {
                if (call.method().equals(method) && matching.test(call)) {
                    return call;
                }
            }
            pause();
        }
        throw new AssertionError("No " + method + " call matched within " + timeout + "; calls: " + summary());
    }

    public Call await(String method) {
        return await(method, c -> true, Duration.ofSeconds(10));
    }

    /** Waits until {@code count} calls of {@code method} have been made. */
    public List<Call> awaitCount(String method, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (calls(method).size() >= count) {
                return calls(method);
            }
            pause();
        }
        throw new AssertionError("Expected " + count + " " + method + " calls, got " + calls(method).size());
    }

    private String summary() {
        List<String> names = new ArrayList<>();
        calls.forEach(c -> names.add(c.method()));
        return names.toString();
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void api(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        Call call = new Call(method, params(exchange), exchange.getRequestHeaders().getFirst("Authorization"), Instant.now());
        calls.add(call);
        checkEscaped(call);
        if (!METHODS.contains(method)) {
            write(exchange, "{\"ok\":false,\"error\":\"unknown_method\"}");
            return;
        }
        if (!authorized(call)) {
            write(exchange, "{\"ok\":false,\"error\":\"invalid_auth\"}");
            return;
        }
        AtomicInteger limited = rateLimited.get(method);
        if (limited != null && limited.getAndDecrement() > 0) {
            exchange.getResponseHeaders().add("Retry-After", Integer.toString(retryAfter.get(method)));
            write(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
            return;
        }
        List<String> broken = BlockKitLimits.check(call);
        if (!broken.isEmpty()) {
            String error = method.startsWith("views.") ? "invalid_arguments" : "invalid_blocks";
            write(exchange, MAPPER.writeValueAsString(Map.of("ok", false, "error", error, "errors", broken)));
            return;
        }
        Function<Call, Object> override = overrides.get(method);
        Object answer = override != null ? override.apply(call)
                : method.equals("views.publish") ? publishHome(call) : defaultAnswer(call);
        write(exchange, MAPPER.writeValueAsString(answer));
    }

    /** The token from the Authorization header or, as Slack also takes it, the {@code token} field. */
    private boolean authorized(Call call) {
        String header = call.authorization();
        String token = header != null && header.startsWith("Bearer ") ? header.substring("Bearer ".length()) : call.param("token");
        if (token == null) {
            return false;
        }
        return call.method().equals("apps.connections.open") ? token.startsWith("xapp-") : token.equals(botToken);
    }

    private void responseUrlCall(HttpExchange exchange) throws IOException {
        Map<String, String> params = params(exchange);
        params.put("response_id", exchange.getRequestURI().getPath().substring("/response/".length()));
        Call call = new Call("response_url", params, null, Instant.now());
        calls.add(call);
        checkEscaped(call);
        List<String> broken = BlockKitLimits.check(call);
        write(exchange, broken.isEmpty() ? "{\"ok\":true}"
                : MAPPER.writeValueAsString(Map.of("ok", false, "error", "invalid_blocks", "errors", broken)));
    }

    private static final Pattern CROWD_OR_FOREIGN_LINK = Pattern.compile(
            "<!(channel|here|everyone)\\b|<https?://evil\\.example\\b", Pattern.CASE_INSENSITIVE);

    /**
     * The fallback {@code text} as it is, and every mrkdwn text object in {@code blocks}, {@code view} and
     * {@code attachments}: where Slack reads mentions and links (plain_text and alt_text it shows as typed).
     */
    private void checkEscaped(Call call) {
        if (!call.method().startsWith("chat.") && !call.method().startsWith("views.") && !call.method().equals("response_url")) {
            return;
        }
        String text = call.param("text");
        if (text != null && CROWD_OR_FOREIGN_LINK.matcher(text).find()) {
            unescaped.add(call.method() + " text: " + text);
        }
        for (String name : List.of("blocks", "view", "attachments")) {
            String json = call.param(name);
            if (json == null || json.isBlank()) {
                continue;
            }
            try {
                checkMrkdwn(call.method() + " " + name, MAPPER.readTree(json));
            } catch (IOException e) {
                unescaped.add(call.method() + " " + name + " is not JSON: " + json);
            }
        }
    }

    private void checkMrkdwn(String where, JsonNode node) {
        if (node.isObject()) {
            JsonNode text = node.get("text");
            if ("mrkdwn".equals(node.path("type").asText()) && text != null && text.isTextual()
                    && CROWD_OR_FOREIGN_LINK.matcher(text.asText()).find()) {
                unescaped.add(where + ": " + text.asText());
            }
            node.forEach(child -> checkMrkdwn(where, child));
        } else if (node.isArray()) {
            node.forEach(child -> checkMrkdwn(where, child));
        }
    }

    private Object defaultAnswer(Call call) {
        Map<String, Object> ok = new LinkedHashMap<>();
        ok.put("ok", true);
        switch (call.method()) {
            case "auth.test" -> {
                ok.put("url", "https://acme.slack.com/");
                ok.put("team", "Acme");
                ok.put("user", "okto");
                ok.put("team_id", "T0TEST");
                ok.put("user_id", "U0BOT");
                ok.put("bot_id", "B0BOT");
            }
            case "users.info" -> {
                ObjectNode user = users.get(call.param("user"));
                if (user == null) {
                    return Map.of("ok", false, "error", "user_not_found");
                }
                ok.put("user", user);
            }
            case "chat.postMessage" -> {
                String channel = call.param("channel");
                if (channel != null && channel.startsWith("U")) {
                    channel = "D" + channel.substring(1);
                }
                String ts = nextTs();
                messages.put(channel + "/" + ts, new Message(channel, ts, call.param("text"), call.param("blocks"),
                        call.param("thread_ts"), call.param("metadata")));
                ok.put("channel", channel);
                ok.put("ts", ts);
            }
            case "chat.update" -> {
                String key = call.param("channel") + "/" + call.param("ts");
                Message old = messages.get(key);
                if (old == null) {
                    return Map.of("ok", false, "error", "message_not_found");
                }
                // Slack keeps a message's metadata unless the update sends new metadata.
                String metadata = call.param("metadata") != null ? call.param("metadata") : old.metadata();
                messages.put(key, new Message(old.channel(), old.ts(), call.param("text"), call.param("blocks"), old.threadTs(), metadata));
                ok.put("channel", call.param("channel"));
                ok.put("ts", call.param("ts"));
            }
            case "chat.postEphemeral" -> ok.put("message_ts", nextTs());
            case "conversations.info" -> {
                String name = channels.get(call.param("channel"));
                if (name == null) {
                    return Map.of("ok", false, "error", "channel_not_found");
                }
                ok.put("channel", Map.of("id", call.param("channel"), "name", name, "is_channel", true));
            }
            case "conversations.history" -> ok.put("messages", history(call));
            case "files.getUploadURLExternal", "files.completeUploadExternal" -> {
                return fileAnswer(call);
            }
            case "conversations.open" -> ok.put("channel", Map.of("id", "D" + call.param("users").substring(1)));
            case "views.open", "views.update", "views.push", "views.publish" -> {
                ObjectNode view = MAPPER.createObjectNode();
                view.put("id", call.param("view_id") != null ? call.param("view_id") : "V" + sequence.incrementAndGet());
                view.put("hash", "h" + sequence.incrementAndGet());
                ok.put("view", view);
            }
            default -> {
            }
        }
        return ok;
    }

    /**
     * The channel's messages, newest first, from {@code oldest} on, at most {@code limit}; their metadata only
     * with {@code include_all_metadata}, as Slack serves it.
     */
    private List<Map<String, Object>> history(Call call) {
        String channel = call.param("channel");
        double oldest = call.param("oldest") == null ? 0 : Double.parseDouble(call.param("oldest"));
        int limit = call.param("limit") == null ? 100 : Integer.parseInt(call.param("limit"));
        boolean withMetadata = "1".equals(call.param("include_all_metadata")) || "true".equals(call.param("include_all_metadata"));
        List<Map<String, Object>> found = new ArrayList<>();
        messages.values().stream()
                .filter(m -> m.channel().equals(channel) && m.threadTs() == null && Double.parseDouble(m.ts()) >= oldest)
                .sorted(java.util.Comparator.comparing((Message m) -> Double.parseDouble(m.ts())).reversed())
                .limit(limit)
                .forEach(m -> {
                    Map<String, Object> message = new LinkedHashMap<>();
                    message.put("type", "message");
                    message.put("ts", m.ts());
                    message.put("text", m.text());
                    if (withMetadata && m.metadata() != null && !m.metadata().isBlank()) {
                        try {
                            message.put("metadata", MAPPER.readTree(m.metadata()));
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    found.add(message);
                });
        return found;
    }

    /** Seconds of the wall clock, as Slack stamps messages (history reads from an {@code oldest} time). */
    private String nextTs() {
        long n = sequence.incrementAndGet();
        return Instant.now().getEpochSecond() + "." + String.format("%06d", n % 1_000_000);
    }

    private static Map<String, String> params(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> params = new LinkedHashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            parseForm(query, params);
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null && type.startsWith("application/json") && !body.isBlank()) {
            JsonNode json = MAPPER.readTree(body);
            json.fields().forEachRemaining(f -> params.put(f.getKey(),
                    f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString()));
        } else {
            parseForm(body, params);
        }
        return params;
    }

    private static void parseForm(String form, Map<String, String> into) {
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            into.put(key, value);
        }
    }

    private static void write(HttpExchange exchange, String body) throws IOException {
        write(exchange, 200, body);
    }

    private static void write(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    // ---- File uploads (files.uploadV2) ----------------------------------------------------------------------
    // Slack's three steps: files.getUploadURLExternal (filename, length) hands out a file id and an upload URL;
    // the bytes are POSTed there; files.completeUploadExternal (files=[{"id","title"}], channel_id) shares them.
    // As strict as Slack: completing an unknown id, one whose bytes never arrived or differ from the announced
    // length, or one already completed, is refused (file_not_found), and nothing is shared.

    /** A file as uploaded: its bytes once POSTed, and where it was shared once completed (null before). */
    public record Upload(String fileId, String filename, int length, byte[] bytes, String title, String channel,
                         String initialComment) {
        public String text() {
            return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();

    /** Files completed (shared), in no particular order. */
    public List<Upload> sharedFiles() {
        return uploads.values().stream().filter(u -> u.channel() != null).toList();
    }

    private Object fileAnswer(Call call) {
        if (call.method().equals("files.getUploadURLExternal")) {
            String filename = call.param("filename");
            String length = call.param("length");
            if (filename == null || filename.isBlank() || length == null || !length.matches("\\d+") || Integer.parseInt(length) < 1) {
                return Map.of("ok", false, "error", "invalid_arguments");
            }
            String id = "F" + sequence.incrementAndGet();
            uploads.put(id, new Upload(id, filename, Integer.parseInt(length), null, null, null, null));
            return Map.of("ok", true, "file_id", id,
                    "upload_url", "http://127.0.0.1:" + server.getAddress().getPort() + "/upload/" + id);
        }
        String files = call.param("files");
        if (files == null) {
            return Map.of("ok", false, "error", "invalid_arguments");
        }
        JsonNode list;
        try {
            list = MAPPER.readTree(files);
        } catch (IOException e) {
            return Map.of("ok", false, "error", "invalid_arguments");
        }
        if (!list.isArray() || list.isEmpty()) {
            return Map.of("ok", false, "error", "invalid_arguments");
        }
        for (JsonNode file : list) {
            Upload upload = uploads.get(file.path("id").asText());
            if (upload == null || upload.bytes() == null || upload.bytes().length != upload.length() || upload.channel() != null) {
                return Map.of("ok", false, "error", "file_not_found");
            }
        }
        String channel = call.param("channel_id") != null ? call.param("channel_id") : "";
        List<Map<String, Object>> shared = new ArrayList<>();
        for (JsonNode file : list) {
            Upload upload = uploads.get(file.path("id").asText());
            String title = file.path("title").asText(upload.filename());
            uploads.put(upload.fileId(), new Upload(upload.fileId(), upload.filename(), upload.length(), upload.bytes(),
                    title, channel, call.param("initial_comment")));
            shared.add(Map.of("id", upload.fileId(), "name", upload.filename(), "title", title));
        }
        return Map.of("ok", true, "files", shared);
    }

    /** The upload URL: takes the bytes of a file id handed out and not yet completed; anything else is 404. */
    private void uploadCall(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/upload/".length());
        byte[] body = exchange.getRequestBody().readAllBytes();
        Upload upload = uploads.get(id);
        calls.add(new Call("upload", Map.of("file_id", id, "bytes", Integer.toString(body.length)), null, Instant.now()));
        if (!"POST".equals(exchange.getRequestMethod()) || upload == null || upload.channel() != null) {
            write(exchange, 404, "{\"ok\":false}");
            return;
        }
        uploads.put(id, new Upload(id, upload.filename(), upload.length(), body, null, null, null));
        exchange.getResponseHeaders().add("Content-Type", "text/plain");
        byte[] ok = ("OK - " + body.length).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, ok.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(ok);
        }
    }

    // ------------------------------------------------------------------ App Home (views.publish)

    private final Map<String, String> homeHashes = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> homes = new ConcurrentHashMap<>();

    /**
     * The Home last published for the user (the {@code view} JSON), or null. Kept across {@link #reset()}, as
     * Slack keeps a Home until the next publish.
     */
    public JsonNode home(String userId) {
        return homes.get(userId);
    }

    /** The Home's current hash, as Slack sends it with {@code app_home_opened}; null before the first publish. */
    public String homeHash(String userId) {
        return homeHashes.get(userId);
    }

    /** Another publish of the user's Home happened elsewhere: its hash changes, so an older one is now stale. */
    public void changeHomeHash(String userId) {
        homeHashes.put(userId, "h" + sequence.incrementAndGet());
    }

    /**
     * As Slack: a {@code hash} other than the Home's current one is {@code hash_conflict} (the view is not
     * changed); without a hash the view is replaced. A view that is not of type {@code home} is refused.
     */
    private Object publishHome(Call call) {
        String userId = call.param("user_id");
        if (userId == null || users.get(userId) == null && !userId.startsWith("U")) {
            return Map.of("ok", false, "error", "user_not_found");
        }
        JsonNode view = call.json("view");
        if (!"home".equals(view.path("type").asText())) {
            return Map.of("ok", false, "error", "invalid_arguments");
        }
        String hash = call.param("hash");
        synchronized (homeHashes) {
            String current = homeHashes.get(userId);
            if (hash != null && !hash.isEmpty() && !hash.equals(current)) {
                return Map.of("ok", false, "error", "hash_conflict");
            }
            String next = "h" + sequence.incrementAndGet();
            homeHashes.put(userId, next);
            homes.put(userId, view);
            ObjectNode answer = MAPPER.createObjectNode();
            ObjectNode published = answer.put("ok", true).putObject("view");
            published.put("id", "V" + userId).put("hash", next).put("type", "home");
            return answer;
        }
    }

    // ------------------------------------------------------------------ private files (media from Slack)
    //
    // Files shared in Slack, at their url_private: only the bot token in an Authorization header reads them (anything
    // else is 403, as Slack refuses it); a Range header is answered 206. removeFile makes one answer 404.

    private static final String FILES_PATH = "/files-pri/";

    /** One read of a private file: its id, the Authorization header, the Range header, the status answered. */
    public record FileRead(String fileId, String authorization, String range, int status) {
    }

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final List<FileRead> fileReads = new CopyOnWriteArrayList<>();

    /**
     * A file shared in Slack; returns it as Slack describes it in payloads ({@code id}, {@code name},
     * {@code mimetype}, {@code size}, {@code url_private}, ...), for a message's {@code files} or a file field's value.
     */
    public Map<String, Object> addFile(String id, String name, String mimetype, byte[] bytes) {
        files.put(id, bytes.clone());
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("id", id);
        file.put("name", name);
        file.put("title", name);
        file.put("mimetype", mimetype);
        file.put("filetype", name.substring(name.lastIndexOf('.') + 1));
        file.put("size", bytes.length);
        file.put("url_private", fileUrl(id, name));
        file.put("url_private_download", fileUrl(id, name) + "?download=1");
        return file;
    }

    public void removeFile(String id) {
        files.remove(id);
    }

    public String fileUrl(String id, String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + FILES_PATH + "T0TEST-" + id + "/" + name;
    }

    public List<FileRead> fileReads() {
        return List.copyOf(fileReads);
    }

    private void privateFile(HttpExchange exchange) throws IOException {
        String rest = exchange.getRequestURI().getPath().substring(FILES_PATH.length());
        String fileId = rest.contains("/") ? rest.substring("T0TEST-".length(), rest.indexOf('/')) : rest;
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String range = exchange.getRequestHeaders().getFirst("Range");
        byte[] bytes = files.get(fileId);
        int status;
        byte[] body;
        if (!("Bearer " + botToken).equals(authorization)) {
            status = 403;
            body = "not authorised".getBytes(StandardCharsets.UTF_8);
        } else if (bytes == null) {
            status = 404;
            body = "file_not_found".getBytes(StandardCharsets.UTF_8);
        } else if (range != null && range.matches("bytes=\\d+-\\d*")) {
            long first = Long.parseLong(range.substring(6, range.indexOf('-')));
            String to = range.substring(range.indexOf('-') + 1);
            long last = to.isEmpty() ? bytes.length - 1 : Math.min(Long.parseLong(to), bytes.length - 1);
            status = 206;
            body = java.util.Arrays.copyOfRange(bytes, (int) first, (int) last + 1);
            exchange.getResponseHeaders().add("Content-Range", "bytes " + first + "-" + last + "/" + bytes.length);
        } else {
            status = 200;
            body = bytes;
        }
        fileReads.add(new FileRead(fileId, authorization, range, status));
        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
