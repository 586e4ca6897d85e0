package com.oktoslack.stories;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * Tunables of story cards; defaults in application.yml. The sweep period, {@code okto.stories.sweep-every}, is
 * read by the jobs {@link StoryAnnouncer} and {@link StoryRequests}; the retries by {@link StoryRetry}.
 *
 * @param recheckEvery how often open story cards are checked against Oktopost for a story that ended
 */
@ConfigurationProperties("okto.stories")
record StorySettings(Duration recheckEvery) {
}
