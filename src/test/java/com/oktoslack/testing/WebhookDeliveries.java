package com.oktoslack.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends webhook deliveries the way Oktopost does, signed with a secret, in one {@link Reading} of Oktopost's
 * public sources: the signature header, the body's shape and the objects' shape. Run a test under each of
 * {@link Reading#all()}. In the knowledge base's reading the body names no event, so each event type gets a
 * webhook in the fake Oktopost (whose event the app reads) and deliveries carry its id.
 */
public final class WebhookDeliveries {

    /** Where the signature goes: the knowledge base's header, or the SDK's. */
    public enum Header {
        SECRET("X-Oktopost-Secret"), SIGNATURE("X-Oktopost-Signature");

        final String name;

        Header(String name) {
            this.name = name;
        }
    }

    /** The SDK's envelope {@code {event, timestamp, webhookId, data}}, or the knowledge base's array of objects. */
    public enum Body { ENVELOPE, ARRAY }

    /** Ids at the top of the event's object, or the post, message or story nested in it with its own Id. */
    public enum Objects { FLAT, NESTED }

    public record Reading(Header header, Body body, Objects objects) {

        public static final Reading SDK = new Reading(Header.SIGNATURE, Body.ENVELOPE, Objects.FLAT);

        public static List<Reading> all() {
            List<Reading> all = new ArrayList<>();
            for (Header header : Header.values()) {
                for (Body body : Body.values()) {
                    for (Objects objects : Objects.values()) {
                        all.add(new Reading(header, body, objects));
                    }
                }
            }
            return all;
        }

        @Override
        public String toString() {
            return header + "/" + body + "/" + objects;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PAYLOAD_IDS = 100;
    private static final AtomicLong PAYLOAD_IDS = new AtomicLong(1);
    private static final AtomicLong TIMESTAMPS = new AtomicLong(1_700_000_000);

    private final URI endpoint;
    private final FakeOktopost oktopost;
    private final String secret;
    private final Reading reading;
    private final Map<String, String> webhookIds = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    public WebhookDeliveries(URI serverBase, FakeOktopost oktopost, String secret, Reading reading) {
        this.endpoint = serverBase.resolve("/oktopost/webhooks");
        this.oktopost = oktopost;
        this.secret = secret;
        this.reading = reading;
    }

    public Reading reading() {
        return reading;
    }

    /** One delivery of these events of one type, in this reading; each event gets a payload id. */
    public HttpResponse<String> send(String type, List<ObjectNode> objects) {
        String webhookId = webhookId(type);
        List<String> payloadIds = new ArrayList<>();
        ArrayNode events = JSON.createArrayNode();
        for (ObjectNode object : objects) {
            payloadIds.add("0WB" + String.format("%012d", PAYLOAD_IDS.getAndIncrement()));
            events.add(reading.body() == Body.ENVELOPE ? envelope(type, webhookId, object) : object);
        }
        String body = reading.body() == Body.ENVELOPE && events.size() == 1 ? events.get(0).toString() : events.toString();
        // A long list of payload ids would pass the server's header size limit; the body's hash keys those events.
        String header = payloadIds.size() <= MAX_PAYLOAD_IDS ? String.join(",", payloadIds) : null;
        return send(body, secret, header, webhookId, reading.header());
    }

    public HttpResponse<String> send(String type, ObjectNode object) {
        return send(type, List.of(object));
    }

    /** The event about a message, post or story ({@code kind} "Message", "Post" or "Story") in a workflow. */
    public ObjectNode approvalObject(String kind, String entityId, String workflowId) {
        if (reading.objects() == Objects.NESTED) {
            ObjectNode object = JSON.createObjectNode();
            object.putObject(kind).put(kind.equals("Story") ? "ID" : "Id", entityId);
            object.putObject("Workflow").put("Id", workflowId).put("Name", "Workflow " + workflowId);
            return object;
        }
        return JSON.createObjectNode().put(kind + "Id", entityId).put("WorkflowId", workflowId);
    }

    /** A new story on a board: the story itself (its own ID), or the story and the board nested. */
    public ObjectNode storyObject(String storyId, String boardId) {
        if (reading.objects() == Objects.NESTED) {
            ObjectNode object = JSON.createObjectNode();
            object.putObject("Story").put("ID", storyId).put("Title", "Story " + storyId);
            object.putObject("Board").put("Id", boardId).put("Name", "Board " + boardId);
            return object;
        }
        return JSON.createObjectNode().put("ID", storyId).put("BoardId", boardId).put("Title", "Story " + storyId);
    }

    /**
     * A {@code postSent} event about a post the fake has sent ({@link FakeOktopost#publish}), in the fake's
     * reading of what the event is (the post, or its post log entry) and in this reading's shape (flat or nested).
     */
    public ObjectNode postSentObject(String postId) {
        boolean log = oktopost.readings().postSentEvent() == FakeOktopost.Readings.PostSentEvent.POST_LOG;
        ObjectNode entry = log ? oktopost.postLogsOf(postId).get(0).deepCopy() : null;
        if (reading.objects() == Objects.NESTED) {
            ObjectNode object = JSON.createObjectNode();
            if (log) {
                object.set("Postlog", entry);
            } else {
                object.putObject("Post").put("Id", postId).put("Status", "complete");
            }
            return object;
        }
        return log ? entry : JSON.createObjectNode().put("PostId", postId);
    }

    /** The fake Oktopost's webhook for this event type, created on first use. */
    public String webhookId(String type) {
        return webhookIds.computeIfAbsent(type,
                t -> oktopost.addWebhook(t, "https://okto.example.com/oktopost/webhooks").get("Id").asText());
    }

    private static ObjectNode envelope(String type, String webhookId, ObjectNode data) {
        ObjectNode envelope = JSON.createObjectNode().put("event", type).put("timestamp", TIMESTAMPS.incrementAndGet())
                .put("webhookId", webhookId);
        envelope.set("data", data);
        return envelope;
    }

    // ---- raw deliveries

    /** A delivery of {@code body} as it is, signed in {@code X-Oktopost-Secret} (no header when secret is null). */
    public static HttpResponse<String> send(URI serverBase, String body, String secret, String payloadIds, String webhookId) {
        return new WebhookDeliveries(serverBase, null, secret, new Reading(Header.SECRET, Body.ENVELOPE, Objects.FLAT))
                .send(body, secret, payloadIds, webhookId, Header.SECRET);
    }

    public HttpResponse<String> send(String body, String signingSecret, String payloadIds, String webhookId, Header header) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (webhookId != null) {
            request.header("X-Oktopost-Webhook", webhookId);
        }
        if (signingSecret != null) {
            request.header(header.name, sign(signingSecret, bytes));
        }
        if (payloadIds != null) {
            request.header("X-Oktopost-Payload", payloadIds);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An SDK envelope about one entity, with flat ids. */
    public static String event(String type, String entityId) {
        return "{\"event\":\"" + type + "\",\"timestamp\":1700000000,\"webhookId\":\"0WA000000000001\","
                + "\"data\":{\"EntityId\":\"" + entityId + "\",\"WorkflowId\":\"cwf1\",\"StepId\":\"cws1\"}}";
    }

    /** Lower-case hex HMAC-SHA1 of the body under the secret, as Oktopost signs. */
    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
