package com.oktoslack.scheduling;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * A checked submission: what to create in Oktopost. One message per network with the same text, then one post
 * per profile at {@code startAt} (unix seconds), optionally sent to a workflow.
 */
record ScheduleOrder(String text,
                     String campaignId,
                     String campaignName,
                     List<Target> targets,
                     long startAt,
                     boolean draft,
                     @Nullable String workflowId,
                     @Nullable String workflowName,
                     String timeZone,
                     @Nullable String responseUrl) {

    /** The profiles of one network. */
    record Target(String network, List<Profile> profiles) {
        Target {
            profiles = List.copyOf(profiles);
        }

        List<String> profileIds() {
            return profiles.stream().map(Profile::id).toList();
        }
    }

    record Profile(String id, String name) {
    }

    ScheduleOrder {
        targets = List.copyOf(targets);
    }

    Instant start() {
        return Instant.ofEpochSecond(startAt);
    }

    String postStatus() {
        return draft ? "draft" : "pending";
    }
}
