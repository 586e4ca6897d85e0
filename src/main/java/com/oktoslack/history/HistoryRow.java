package com.oktoslack.history;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One decision as the history keeps it; {@code item} is how people recognise the item ("LinkedIn post: text…"). */
@MappedEntity("decision_history")
record HistoryRow(@Id @GeneratedValue @Nullable Long id,
                  String entityId,
                  int round,
                  String workflowId,
                  String workflowName,
                  String stepId,
                  String stepLabel,
                  String item,
                  String outcome,
                  @Nullable String slackUserId,
                  @Nullable String byName,
                  @Nullable String note,
                  String source,
                  Instant decidedAt) {
}
