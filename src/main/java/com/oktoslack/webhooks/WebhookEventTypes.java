package com.oktoslack.webhooks;

import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.oktopost.Webhook;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event type of a webhook set up by hand in Oktopost, whose deliveries may carry no {@code event} field: read
 * from Oktopost's list of webhooks. An id Oktopost did not know is asked about again at most once a minute (only
 * correctly signed deliveries get here, so nobody else can make the app ask).
 */
@Singleton
class WebhookEventTypes {

    static final Duration ASK_AGAIN_AFTER = Duration.ofMinutes(1);

    private final Oktopost oktopost;
    private final Clock clock;
    private final Map<String, String> known = new ConcurrentHashMap<>();
    private final Map<String, Instant> askedAt = new ConcurrentHashMap<>();

    WebhookEventTypes(Oktopost oktopost, Clock clock) {
        this.oktopost = oktopost;
        this.clock = clock;
    }

    /** Empty when Oktopost has no such webhook; an OktopostException when it cannot say now. */
    synchronized Optional<String> typeOf(String webhookId) {
        String type = known.get(webhookId);
        Instant now = clock.instant();
        if (type == null && !now.isBefore(askedAt.getOrDefault(webhookId, Instant.EPOCH).plus(ASK_AGAIN_AFTER))) {
            for (Webhook webhook : oktopost.webhooks()) {
                if (webhook.event() != null) {
                    known.put(webhook.id(), webhook.event());
                }
            }
            askedAt.put(webhookId, now);
            type = known.get(webhookId);
        }
        return Optional.ofNullable(type);
    }
}
