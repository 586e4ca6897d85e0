package com.oktoslack.oktopost;

import io.micronaut.retry.annotation.Retryable;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a call that is safe to repeat (a read, a delete, or an update that sets the same fields again), so a 5xx
 * or a missing answer is retried with jittered exponential backoff. Calls that create things never carry it,
 * since a lost answer may hide a success.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Retryable(includes = {OktopostException.ServerError.class, OktopostException.Unreachable.class},
        attempts = "${oktopost.retry.attempts:3}",
        delay = "${oktopost.retry.delay:1s}",
        maxDelay = "${oktopost.retry.max-delay:30s}",
        multiplier = "${oktopost.retry.multiplier:2}",
        jitter = "${oktopost.retry.jitter:0.25}")
@interface Idempotent {
}
