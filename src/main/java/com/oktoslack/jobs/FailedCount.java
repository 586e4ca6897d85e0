package com.oktoslack.jobs;

import io.micronaut.core.annotation.Introspected;

@Introspected
record FailedCount(String kind, long failed) {
}
