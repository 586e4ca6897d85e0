package com.oktoslack.webhooks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Oktopost's deliveries: verified over the raw bytes before anything reads them, stored, answered; the worker
 * does the rest. The signature comes in {@code X-Oktopost-Secret} (Oktopost's knowledge base) or
 * {@code X-Oktopost-Signature} (Oktopost's SDK); either is checked the same way.
 */
@Controller("/oktopost")
class WebhookController {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookController.class);

    private final WebhookSignature signature;
    private final WebhookInbox inbox;
    private final WebhookWorker worker;
    private final int maxBodyBytes;

    WebhookController(WebhookSignature signature, WebhookInbox inbox, WebhookWorker worker,
                      WebhookSettings settings) {
        this.signature = signature;
        this.inbox = inbox;
        this.worker = worker;
        this.maxBodyBytes = settings.maxBodyBytes();
    }

    @Post(value = "/webhooks", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<Map<String, Object>> receive(@Nullable @Body byte[] body,
                                              @Nullable @Header("X-Oktopost-Secret") String secretHeader,
                                              @Nullable @Header("X-Oktopost-Signature") String signatureHeader,
                                              @Nullable @Header("X-Oktopost-Webhook") String webhookId,
                                              @Nullable @Header("X-Oktopost-Payload") String payloadIds) {
        if (body != null && body.length > maxBodyBytes) {
            return HttpResponse.<Map<String, Object>>status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
                    .body(Map.of("error", "Body larger than " + maxBodyBytes + " bytes"));
        }
        byte[] raw = body == null ? new byte[0] : body;
        if (!signature.verify(raw, secretHeader) && !signature.verify(raw, signatureHeader)) {
            LOG.warn("Rejected a webhook delivery with a missing or wrong signature (webhook {})", webhookId);
            return HttpResponse.<Map<String, Object>>status(HttpStatus.UNAUTHORIZED)
                    .body(Map.of("error", "Invalid webhook signature"));
        }
        try {
            WebhookInbox.Accepted accepted = inbox.accept(raw, webhookId, payloadIds);
            if (accepted.stored() > 0) {
                worker.nudge();
            }
            if (accepted.dropped() > 0) {
                LOG.warn("A delivery of webhook {} held more events than accepted at once; {} dropped",
                        webhookId, accepted.dropped());
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("accepted", accepted.stored());
            answer.put("duplicates", accepted.duplicates());
            answer.put("dropped", accepted.dropped());
            return HttpResponse.ok(answer);
        } catch (MalformedWebhookException e) {
            // The sender proved it holds a secret, yet what went wrong stays in the log, not in the answer.
            LOG.warn("Webhook delivery (webhook {}) not accepted: {}", webhookId, e.getMessage());
            return HttpResponse.badRequest(Map.of("error", "Malformed body"));
        }
    }
}
