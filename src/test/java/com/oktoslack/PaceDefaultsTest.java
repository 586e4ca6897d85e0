package com.oktoslack;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The app paces Oktopost calls at 85% of the documented limits unless told otherwise. */
class PaceDefaultsTest {

    @Test
    @SuppressWarnings("unchecked")
    void theDefaultPaceIs85PercentOfOktopostsLimits() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/application.yml")) {
            Map<String, Object> yaml = new Yaml().load(in);
            Map<String, Object> limits = (Map<String, Object>) ((Map<String, Object>) yaml.get("oktopost")).get("limits");

            assertEquals(60 * 85 / 100, limits.get("per-minute"));
            assertEquals(120 * 85 / 100, limits.get("per-five-seconds"));
            assertEquals(20_000 * 85 / 100, limits.get("per-day"));
        }
    }
}
