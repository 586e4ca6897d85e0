package com.oktoslack.stories;

import com.oktoslack.jobs.Retry;
import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * How story announcements and story requests that fail in passing are tried again; defaults in application.yml.
 *
 * @param attempts tries in all
 * @param first    the wait before the second try; each later wait doubles it
 * @param max      the longest wait between two tries
 */
@ConfigurationProperties("okto.stories.retry")
record StoryRetry(int attempts, Duration first, Duration max) {

    Retry retry() {
        return new Retry(attempts, first, max);
    }
}
