package com.oktoslack.oktopost;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nothing listens at the configured base URL. */
@MicronautTest(transactional = false)
class OktopostUnreachableTest extends OktopostTestBase {

    private static final String BASE_URL = "http://127.0.0.1:" + freePort() + "/v2";

    @Inject
    OktopostAccountCheck check;

    @Override
    Map<String, String> moreProperties() {
        return Map.of("oktopost.base-url", BASE_URL);
    }

    @Test
    void aRefusedConnectionIsUnreachableAfterRetries() {
        int before = okto.budget().callsToday();
        OktopostException.Unreachable e = assertThrows(OktopostException.Unreachable.class, () -> okto.workflow("cwf1"));
        assertEquals(0, e.status());
        assertTrue(e.getMessage().startsWith("No answer from Oktopost at " + BASE_URL), e.getMessage());
        assertEquals(before + 4, okto.budget().callsToday(), "tried once and retried 3 times");
    }

    @Test
    void startUpNamesTheBaseUrl() {
        IllegalStateException e = assertThrows(OktopostAccountCheck.Unreachable.class, () -> check.verify());
        assertTrue(e.getMessage().startsWith("Oktopost is not reachable at " + BASE_URL + " "), e.getMessage());
    }

    @Override
    void freshFake() {
        // No fake to refresh: nothing is listening.
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
