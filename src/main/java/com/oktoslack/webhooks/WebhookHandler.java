package com.oktoslack.webhooks;

import java.util.List;
import java.util.Set;

/**
 * A feature's reaction to Oktopost events. The worker hands over every due event of a type at once, so a
 * burst can be served with a few batched Oktopost calls. Handlers must be idempotent: after a crash or a
 * failure the same events come again.
 */
public interface WebhookHandler {

    /** The Oktopost event types handled, e.g. {@code newApprovalItem}; also the ones registered in Oktopost. */
    Set<String> eventTypes();

    void handle(List<WebhookEvent> events) throws Exception;
}
