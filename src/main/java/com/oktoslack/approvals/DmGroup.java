package com.oktoslack.approvals;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The DM standing for a burst of new items for one approver: where it is, and how many items it counts. */
@MappedEntity("approval_dm_group")
record DmGroup(@Id String slackUserId, String channelId, String ts, int itemCount, Instant openedAt, Instant updatedAt) {
}
