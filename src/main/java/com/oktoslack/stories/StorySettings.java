package com.oktoslack.stories;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * Tunables of story cards; defaults in application.yml. The sweep periods are read by the {@code @Scheduled}
 * annotations, from the same {@code okto.stories} keys.
 *
 * @param recheckEvery how often open story cards are checked against Oktopost for a story that ended
 */
@ConfigurationProperties("okto.stories")
record StorySettings(Duration recheckEvery) {
}
