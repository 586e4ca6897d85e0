package com.oktoslack.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends requests to {@code POST /slack/events} the way Slack does: form or JSON bodies signed with the
 * signing secret ({@code v0=HMAC-SHA256("v0:" + timestamp + ":" + body)}).
 */
public final class SlackRequests {

    public static final String SIGNING_SECRET = "test-signing-secret";
    public static final String TEAM = "T0TEST";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI events;
    private final HttpClient http = HttpClient.newHttpClient();

    public SlackRequests(URI serverBase) {
        this.events = serverBase.resolve("/slack/events");
    }

    /** A request exactly as signed once, so a test can send it again (a replay) or with retry headers. */
    public record Signed(String body, String contentType, long timestamp, String signature) {
    }

    /** {@code /okto <text>} from {@code userId}; follow-ups go to {@code responseUrl}. */
    public HttpResponse<String> slashCommand(String userId, String text, String responseUrl) {
        return send(signedSlashCommand(userId, text, responseUrl), Map.of());
    }

    /** The signed form of {@link #slashCommand}, not sent yet. */
    public Signed signedSlashCommand(String userId, String text, String responseUrl) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-token");
        form.put("team_id", TEAM);
        form.put("team_domain", "acme");
        form.put("channel_id", "C0GENERAL");
        form.put("channel_name", "general");
        form.put("user_id", userId);
        form.put("user_name", userId.toLowerCase());
        form.put("command", "/okto");
        form.put("text", text);
        form.put("api_app_id", "A0TEST");
        form.put("response_url", responseUrl);
        form.put("trigger_id", "trigger-" + System.nanoTime());
        return sign(formBody(form), "application/x-www-form-urlencoded");
    }

    /** {@code body} signed now with the app's signing secret. */
    public static Signed sign(String body, String contentType) {
        long timestamp = Instant.now().getEpochSecond();
        return new Signed(body, contentType, timestamp, signature(SIGNING_SECRET, timestamp, body));
    }

    /** Sends a signed request as it is, with {@code extraHeaders} (such as {@code X-Slack-Retry-Num}). */
    public HttpResponse<String> send(Signed signed, Map<String, String> extraHeaders) {
        HttpRequest.Builder request = HttpRequest.newBuilder(events)
                .header("Content-Type", signed.contentType())
                .header("X-Slack-Request-Timestamp", Long.toString(signed.timestamp()))
                .header("X-Slack-Signature", signed.signature())
                .POST(HttpRequest.BodyPublishers.ofString(signed.body(), StandardCharsets.UTF_8));
        extraHeaders.forEach(request::header);
        return send(request.build());
    }

    /** Sends {@code body} with no signature headers at all. */
    public HttpResponse<String> postUnsigned(String body, String contentType) {
        return send(HttpRequest.newBuilder(events)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    /** An interactivity payload (block_actions, view_submission, message_action, block_suggestion...). */
    public HttpResponse<String> interactive(Map<String, Object> payload) {
        try {
            return postForm(Map.of("payload", MAPPER.writeValueAsString(payload)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A button press on a message card. */
    public HttpResponse<String> buttonClick(String userId, String actionId, String value, String channelId,
                                            String messageTs, String responseUrl) {
        Map<String, Object> payload = base("block_actions", userId);
        payload.put("container", Map.of("type", "message", "message_ts", messageTs, "channel_id", channelId, "is_ephemeral", false));
        payload.put("channel", Map.of("id", channelId, "name", "channel"));
        payload.put("message", Map.of("type", "message", "ts", messageTs, "text", "card"));
        payload.put("response_url", responseUrl);
        payload.put("actions", List.of(Map.of("action_id", actionId, "block_id", "actions", "value", value,
                "type", "button", "action_ts", Instant.now().getEpochSecond() + ".000")));
        return interactive(payload);
    }

    /** A modal submission; {@code values} is {@code state.values} (block id → action id → value object). */
    public HttpResponse<String> viewSubmission(String userId, String callbackId, String privateMetadata,
                                               Map<String, Object> values) {
        Map<String, Object> payload = base("view_submission", userId);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", "V0MODAL");
        view.put("type", "modal");
        view.put("callback_id", callbackId);
        view.put("private_metadata", privateMetadata);
        view.put("hash", "h1");
        view.put("state", Map.of("values", values));
        payload.put("view", view);
        return interactive(payload);
    }

    /** A message shortcut on a Slack message. */
    public HttpResponse<String> messageShortcut(String userId, String callbackId, String channelId, String messageTs,
                                                String messageText, String responseUrl) {
        Map<String, Object> payload = base("message_action", userId);
        payload.put("callback_id", callbackId);
        payload.put("channel", Map.of("id", channelId, "name", "channel"));
        payload.put("message", Map.of("type", "message", "ts", messageTs, "text", messageText, "user", userId));
        payload.put("message_ts", messageTs);
        payload.put("response_url", responseUrl);
        return interactive(payload);
    }

    /** A payload skeleton with team, user, app and trigger filled in. */
    public static Map<String, Object> base(String type, String userId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type);
        payload.put("team", Map.of("id", TEAM, "domain", "acme"));
        payload.put("user", Map.of("id", userId, "username", userId.toLowerCase(), "name", userId.toLowerCase(), "team_id", TEAM));
        payload.put("api_app_id", "A0TEST");
        payload.put("token", "legacy-token");
        payload.put("trigger_id", "trigger-" + System.nanoTime());
        return payload;
    }

    public HttpResponse<String> postForm(Map<String, String> form) {
        return post(formBody(form), "application/x-www-form-urlencoded", Instant.now().getEpochSecond(), SIGNING_SECRET);
    }

    public static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Sends {@code body} signed with {@code secret} at {@code timestamp} (to forge or age a request). */
    public HttpResponse<String> post(String body, String contentType, long timestamp, String secret) {
        return send(new Signed(body, contentType, timestamp, signature(secret, timestamp, body)), Map.of());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
