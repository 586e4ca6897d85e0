package com.oktoslack.results;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * Tunables of what is told after a post went out; defaults in application.yml.
 *
 * @param after how long after a post went live its stats are read and told ({@code OKTO_RESULTS_AFTER})
 */
@ConfigurationProperties("okto.results")
record ResultSettings(Duration after) {
}
