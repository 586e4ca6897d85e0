package com.oktoslack.oktopost;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Oktopost answers slower than the client waits. */
@MicronautTest(transactional = false)
class OktopostTimeoutTest extends OktopostTestBase {

    @Override
    Map<String, String> moreProperties() {
        return Map.of("micronaut.http.services.oktopost.read-timeout", "300ms", "oktopost.retry.attempts", "1");
    }

    @Test
    void aTimedOutGetIsRetriedThenUnreachable() {
        fake().latency(Duration.ofMillis(1500));
        assertThrows(OktopostException.Unreachable.class, () -> okto.me());
        fake().latency(Duration.ZERO);
        assertEquals(2, fake().count("GET", "/me"), "one retry as configured");
    }

    @Test
    void aTimedOutCreateIsNotRetried() {
        fake().latency(Duration.ofMillis(1500));
        assertThrows(OktopostException.Unreachable.class,
                () -> okto.createMessage(NewMessage.text("Twitter", "002000000000001", "slow")));
        fake().latency(Duration.ZERO);
        assertEquals(1, fake().count("POST", "/message"));
    }
}
