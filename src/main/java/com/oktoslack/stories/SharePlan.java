package com.oktoslack.stories;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What an advocate asked to share: one step per network, each posting that network's story message (or
 * their edited text, saved as a message of their own first) to the chosen profiles. {@code startAt} is unix
 * seconds, null for now.
 */
record SharePlan(String storyId, @Nullable String boardId, String title, @Nullable Long startAt, List<Step> steps) {

    static final String TODO = "todo";
    /** Posts were asked for but the answer did not arrive: Oktopost is checked before asking again. */
    static final String SENDING = "sending";
    static final String DONE = "done";

    record Step(String network,
                String messageId,
                @Nullable String text,
                List<String> credentialIds,
                List<String> labels,
                String stage,
                @Nullable String ownMessageId,
                List<String> postIds) {

        Step {
            credentialIds = credentialIds == null ? List.of() : List.copyOf(credentialIds);
            labels = labels == null ? List.of() : List.copyOf(labels);
            postIds = postIds == null ? List.of() : List.copyOf(postIds);
        }

        Step withOwnMessage(String id) {
            return new Step(network, messageId, text, credentialIds, labels, stage, id, postIds);
        }

        Step sending() {
            return new Step(network, messageId, text, credentialIds, labels, SENDING, ownMessageId, postIds);
        }

        Step done(List<String> posts) {
            return new Step(network, messageId, text, credentialIds, labels, DONE, ownMessageId, posts);
        }
    }

    SharePlan {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    @Nullable
    Instant startInstant() {
        return startAt == null ? null : Instant.ofEpochSecond(startAt);
    }

    SharePlan withStep(int index, Step step) {
        List<Step> changed = new ArrayList<>(steps);
        changed.set(index, step);
        return new SharePlan(storyId, boardId, title, startAt, changed);
    }

    List<String> labels() {
        return steps.stream().flatMap(s -> s.labels().stream()).toList();
    }
}
