package com.oktoslack.scheduling;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A person's own posts of the next 7 days, laid out as {@code /okto posts} lays out the account's, for the Home;
 * kept for each person for a short while, as a view that is republished often must not read Oktopost each time.
 */
@Singleton
public class UpcomingPosts {

    static final Duration KEEP = Duration.ofMinutes(2);

    private record Kept(String text, Instant at) {
    }

    private final UpcomingPostsCommand command;
    private final Clock clock;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    UpcomingPosts(UpcomingPostsCommand command, Clock clock) {
        this.command = command;
        this.clock = clock;
    }

    /** Mrkdwn; throws as the command does when the person may not see the calendar or Oktopost does not answer. */
    public String forPerson(String slackUserId) throws Exception {
        Instant now = clock.instant();
        Kept known = kept.get(slackUserId);
        if (known != null && known.at().plus(KEEP).isAfter(now)) {
            return known.text();
        }
        String text = command.theirs(slackUserId);
        kept.put(slackUserId, new Kept(text, now));
        return text;
    }
}
