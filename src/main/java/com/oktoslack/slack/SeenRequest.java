package com.oktoslack.slack;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A Slack request already handled: {@code sig:<signature>} or {@code event:<event id>}. */
@MappedEntity("slack_request_seen")
record SeenRequest(@Id String requestKey, long seenAt) {
}
