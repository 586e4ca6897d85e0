package com.oktoslack.results;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Remembers the posts made from Slack and for whom, so the person hears where each went live (or why it
 * failed) and how it did. Called by the features that create posts, as soon as they have the ids; a repeated
 * call keeps the first.
 */
@Singleton
public class MadePosts {

    private final PostResultRepository results;
    private final Clock clock;

    MadePosts(PostResultRepository results, Clock clock) {
        this.results = results;
        this.clock = clock;
    }

    /** Posts scheduled from Slack ({@code /okto schedule}, Schedule in Oktopost). */
    public void scheduled(String slackUserId, Collection<String> postIds) {
        record(slackUserId, postIds, PostResult.SCHEDULED);
    }

    /** Posts of a story shared from Slack. */
    public void shared(String slackUserId, Collection<String> postIds) {
        record(slackUserId, postIds, PostResult.SHARED);
    }

    /** The Slack user who made the post from Slack, if the app made it. */
    public Optional<String> maker(String postId) {
        return results.findById(postId).map(PostResult::slackUserId);
    }

    /** The posts this person made from Slack that have not gone out yet. */
    public Set<String> waitingOf(String slackUserId) {
        return Set.copyOf(results.findWaitingPostIdsOf(slackUserId));
    }

    private void record(String slackUserId, Collection<String> postIds, String source) {
        postIds.forEach(id -> results.insertIfAbsent(id, slackUserId, source, false, clock.instant()));
    }
}
