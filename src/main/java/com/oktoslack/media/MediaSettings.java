package com.oktoslack.media;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * Media from Slack: how long a file's public path answers at most, and how Oktopost's uploads are polled
 * (the first look after {@code pollFirst}, doubling to {@code pollMax}, {@code pollAttempts} looks in all).
 */
@ConfigurationProperties("okto.media")
record MediaSettings(Duration shareFor, Duration pollFirst, Duration pollMax, int pollAttempts) {
}
