package com.oktoslack.oktopost;

import com.oktoslack.testing.AppTestBase;
import com.oktoslack.testing.FakeOktopost;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

import java.util.HashMap;
import java.util.Map;

/**
 * The app against the fake Oktopost, with retries 1 ms apart and limits high enough that pacing never
 * waits unless a test asks for the real ones.
 */
abstract class OktopostTestBase extends AppTestBase {

    @Inject
    Oktopost okto;

    FakeOktopost fake() {
        return oktopost;
    }

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("oktopost.retry.delay", "1ms");
        properties.put("oktopost.limits.per-minute", "100000");
        properties.put("oktopost.limits.per-five-seconds", "100000");
        properties.putAll(moreProperties());
        return properties;
    }

    Map<String, String> moreProperties() {
        return Map.of();
    }

    @BeforeEach
    void freshFake() {
        fake().reset().clearRoutes().clearData();
        okto.forgetCachedLists();
    }
}
