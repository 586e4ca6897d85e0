package com.oktoslack.digest;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * Tunables of the digest; defaults in application.yml. The tick period, {@code okto.digest.tick-every}, is
 * read by {@link DigestScheduler}, the job that sends due digests.
 *
 * @param reuseDataFor how long one read of Oktopost serves the digests that fall due together
 */
@ConfigurationProperties("okto.digest")
record DigestSettings(Duration reuseDataFor) {
}
