package com.oktoslack.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.EventRequest;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Lets each signed Slack request do its work once. A replay carries the same signature; a retried event
 * ({@code X-Slack-Retry-Num}) is signed anew, so events are also remembered by their {@code event_id}. Both are
 * kept for an hour: longer than a signature stays valid ({@link SlackSignatureCheck#WINDOW}) and than Slack
 * goes on retrying an event. The record is a database table rather than memory so that replicas share it.
 */
@Singleton
class SeenRequests {

    private static final Duration KEEP = Duration.ofHours(1);

    private final SeenRequestRepository repository;
    // Signatures are dated in real time, so their memory is too.
    private final Clock clock = Clock.systemUTC();

    SeenRequests(SeenRequestRepository repository) {
        this.repository = repository;
    }

    /** What identifies this request's work: its signature and, for an event, its event id. */
    List<String> keys(String signature, Request<?> request) {
        List<String> keys = new ArrayList<>();
        keys.add("sig:" + signature.strip());
        if (request instanceof EventRequest event) {
            String eventId = eventId(event.getRequestBodyAsString());
            if (eventId != null) {
                keys.add("event:" + eventId);
            }
        }
        return keys;
    }

    /** True the first time these keys are seen; false for a replay, or a retry of an event already handled. */
    boolean claim(List<String> keys) {
        long now = clock.millis();
        boolean first = true;
        for (String key : keys) {
            first &= repository.claim(key, now) == 1;
        }
        return first;
    }

    /** Forgets a request that failed before its work was done, so Slack's retry of it is let through. */
    void release(List<String> keys) {
        keys.forEach(repository::forget);
    }

    /** Forgets what is older than kept; run by {@link SeenRequestsPruning}. */
    void forgetExpired() {
        repository.forgetBefore(clock.millis() - KEEP.toMillis());
    }

    private static String eventId(String body) {
        try {
            JsonElement json = JsonParser.parseString(body);
            if (json.isJsonObject()) {
                JsonObject object = json.getAsJsonObject();
                JsonElement id = object.get("event_id");
                return id != null && id.isJsonPrimitive() ? id.getAsString() : null;
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }
}
