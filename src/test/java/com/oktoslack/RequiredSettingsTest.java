package com.oktoslack;

import com.oktoslack.testing.RefusedStart;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequiredSettingsTest {

    @Test
    void startingWithoutCredentialsStopsWithOneLineNamingThem() throws Exception {
        String line = RefusedStart.line(Map.of("SLACK_BOT_TOKEN", "xoxb-present"));

        assertTrue(line.contains("OKTOPOST_ACCOUNT_ID, OKTOPOST_API_KEY, SLACK_SIGNING_SECRET"), line);
        assertFalse(line.contains("SLACK_BOT_TOKEN"), line);
    }
}
