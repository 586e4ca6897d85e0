package com.oktoslack.digest;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * Tunables of the digest; defaults in application.yml. The tick periods are read by the {@code @Scheduled}
 * annotation of {@link DigestScheduler}, from the same {@code okto.digest} keys.
 *
 * @param reuseDataFor how long one read of Oktopost serves the digests that fall due together
 */
@ConfigurationProperties("okto.digest")
record DigestSettings(Duration reuseDataFor) {
}
