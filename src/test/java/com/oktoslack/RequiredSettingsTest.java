package com.oktoslack;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequiredSettingsTest {

    @Test
    void startingWithoutCredentialsStopsWithOneLineNamingThem() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-cp", System.getProperty("java.class.path"), Application.class.getName());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("OKTOPOST_") || k.startsWith("SLACK_") || k.startsWith("MICRONAUT_"));
        env.put("SLACK_BOT_TOKEN", "xoxb-present");
        builder.redirectErrorStream(false);
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the app should stop by itself");
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertEquals(2, process.exitValue());
        List<String> lines = stderr.lines().toList();
        assertEquals(1, lines.size(), stderr);
        assertTrue(lines.get(0).contains("OKTOPOST_ACCOUNT_ID, OKTOPOST_API_KEY, SLACK_SIGNING_SECRET"), stderr);
        assertTrue(!lines.get(0).contains("SLACK_BOT_TOKEN"), stderr);
    }
}
