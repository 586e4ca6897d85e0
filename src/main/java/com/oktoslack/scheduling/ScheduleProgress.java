package com.oktoslack.scheduling;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What exists in Oktopost for one request: the message per network, the posts per network, the posts sent to
 * the workflow, and the call under way. A call whose answer never arrived may have worked, so it is remembered
 * until its answer is saved.
 */
record ScheduleProgress(Map<String, String> messages,
                        Map<String, List<String>> posts,
                        List<String> sent,
                        @Nullable Call inFlight) {

    /** A creating call: a network's message or posts, or one post's trip to the workflow. */
    record Call(String kind, String subject) {
        static final String MESSAGE = "message";
        static final String POSTS = "posts";
        static final String WORKFLOW = "workflow";

        boolean is(String otherKind) {
            return kind.equals(otherKind);
        }
    }

    ScheduleProgress {
        messages = messages == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(messages));
        posts = posts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(posts));
        sent = sent == null ? List.of() : List.copyOf(sent);
    }

    static ScheduleProgress none() {
        return new ScheduleProgress(Map.of(), Map.of(), List.of(), null);
    }

    ScheduleProgress calling(String kind, String subject) {
        return new ScheduleProgress(messages, posts, sent, new Call(kind, subject));
    }

    ScheduleProgress withMessage(String network, String messageId) {
        Map<String, String> more = new LinkedHashMap<>(messages);
        more.put(network, messageId);
        return new ScheduleProgress(more, posts, sent, null);
    }

    ScheduleProgress withPosts(String network, List<String> postIds) {
        Map<String, List<String>> more = new LinkedHashMap<>(posts);
        more.put(network, List.copyOf(postIds));
        return new ScheduleProgress(messages, more, sent, null);
    }

    ScheduleProgress withSent(Set<String> postIds) {
        Set<String> more = new LinkedHashSet<>(sent);
        more.addAll(postIds);
        return new ScheduleProgress(messages, posts, new ArrayList<>(more), null);
    }

    List<String> allPosts() {
        return posts.values().stream().flatMap(List::stream).toList();
    }

    /** The network a post was created for. */
    String networkOf(String postId) {
        return posts.entrySet().stream().filter(e -> e.getValue().contains(postId)).map(Map.Entry::getKey)
                .findFirst().orElse("?");
    }

    boolean isCalling(String kind, String subject) {
        return inFlight != null && inFlight.is(kind) && inFlight.subject().equals(subject);
    }
}
