package com.oktoslack.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oktoslack.jobs.RecurringJob;
import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.oktopost.OktopostException;
import com.oktoslack.oktopost.Webhook;
import com.oktoslack.oktopost.WebhookLogEntry;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deliveries that never reached the app (it was down, or the delivery failed on the way) are read back from
 * Oktopost's webhook log and stored in the inbox as if delivered: every entry whose answer was not 2xx and
 * whose payload was never answered 2xx. The inbox keys them by payload id, so a delivery that did arrive,
 * or one caught up before, is not stored again; the handlers then do the rest as for any delivery.
 * The webhooks read are the app's own, those pointing at its endpoint, and those it has had deliveries from.
 * It is the job {@value #KIND}, every {@code catch-up-every}; a replica leaves it to others for
 * {@code catch-up-delay} after it starts, so a restart does not read the logs at once.
 */
@Singleton
class MissedDeliveries implements RecurringJob {

    static final String KIND = "webhooks.catch-up";

    private static final Logger LOG = LoggerFactory.getLogger(MissedDeliveries.class);

    private final Oktopost oktopost;
    private final WebhookInbox inbox;
    private final InboxRepository inboxRows;
    private final WebhookRegistrationRepository registrations;
    private final WebhookWorker worker;
    private final ObjectMapper json;
    private final Set<String> handledTypes = new HashSet<>();
    private final int maxPages;
    private final Duration every;
    private final Duration firstRunAfter;

    MissedDeliveries(Oktopost oktopost, WebhookInbox inbox, InboxRepository inboxRows,
                     WebhookRegistrationRepository registrations, WebhookWorker worker, ObjectMapper json,
                     List<WebhookHandler> handlers, WebhookSettings settings) {
        this.oktopost = oktopost;
        this.inbox = inbox;
        this.inboxRows = inboxRows;
        this.registrations = registrations;
        this.worker = worker;
        this.json = json;
        this.maxPages = settings.catchUpPages();
        this.every = settings.catchUpEvery();
        this.firstRunAfter = settings.catchUpDelay();
        handlers.forEach(h -> handledTypes.addAll(h.eventTypes()));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Duration every() {
        return every;
    }

    @Override
    public Duration firstRunAfter() {
        return firstRunAfter;
    }

    @Override
    public void run() {
        try {
            int stored = readLogs();
            if (stored > 0) {
                LOG.info("{} webhook deliveries that never reached the app were read from Oktopost's webhook log", stored);
                worker.nudge();
            }
        } catch (OktopostException e) {
            LOG.warn("Oktopost's webhook log will be read again on the next round: {}", e.getMessage());
        }
    }

    /** The number of events stored. */
    int readLogs() {
        int stored = 0;
        for (Map.Entry<String, String> webhook : watched().entrySet()) {
            List<WebhookLogEntry> log;
            try {
                log = oktopost.webhookLog(webhook.getKey(), maxPages);
            } catch (OktopostException.NotFound e) {
                continue;
            }
            Set<String> answered = new HashSet<>();
            log.stream().filter(WebhookLogEntry::delivered).forEach(e -> answered.add(e.webhookPayloadId()));
            for (WebhookLogEntry entry : log) {
                String payloadId = entry.webhookPayloadId();
                if (entry.delivered() || payloadId == null || payloadId.isBlank() || answered.contains(payloadId)) {
                    continue;
                }
                JsonNode payload = payload(entry.payload());
                if (payload == null) {
                    continue;
                }
                try {
                    stored += inbox.acceptMissed(payload, webhook.getKey(), payloadId, webhook.getValue()).stored();
                } catch (MalformedWebhookException e) {
                    LOG.info("Webhook log entry {} holds no event ({}); it is skipped", entry.id(), e.getMessage());
                }
            }
        }
        return stored;
    }

    /** Webhook id to its event type, for the webhooks whose deliveries are meant for this app. */
    private Map<String, String> watched() {
        Set<String> ours = new HashSet<>(inboxRows.findWebhookIds());
        registrations.findAll().forEach(r -> ours.add(r.webhookId()));
        Map<String, String> watched = new LinkedHashMap<>();
        for (Webhook webhook : oktopost.webhooks()) {
            if (webhook.enabled() && webhook.event() != null && handledTypes.contains(webhook.event())
                    && (ours.contains(webhook.id()) || pointsHere(webhook.url()))) {
                watched.put(webhook.id(), webhook.event());
            }
        }
        return watched;
    }

    private static boolean pointsHere(@Nullable String url) {
        if (url == null) {
            return false;
        }
        try {
            String path = URI.create(url.strip()).getPath();
            return path != null && path.replaceAll("/+$", "").endsWith(WebhookRegistrations.PATH);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private @Nullable JsonNode payload(@Nullable JsonNode logged) {
        if (logged == null || logged.isNull()) {
            return null;
        }
        if (!logged.isTextual()) {
            return logged;
        }
        try {
            return json.readTree(logged.asText());
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
