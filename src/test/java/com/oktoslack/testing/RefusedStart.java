package com.oktoslack.testing;

import com.oktoslack.Application;
import io.micronaut.core.value.MapPropertyResolver;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Starts the app as a process of its own, as a user would, with settings that must stop it. */
public final class RefusedStart {

    private RefusedStart() {
    }

    /** Credentials enough to get past the first check, to the setting a test is about (environment variables). */
    public static Map<String, String> withCredentials(String name, String value) {
        Map<String, String> settings = new HashMap<>(Map.of("OKTOPOST_ACCOUNT_ID", "A1", "OKTOPOST_API_KEY", "k",
                "SLACK_BOT_TOKEN", "xoxb-present", "SLACK_SIGNING_SECRET", "s"));
        settings.put(name, value);
        return settings;
    }

    /** What {@code Application.main} would refuse a start for, with credentials and this one setting (a property). */
    public static Application.Refusal refusal(String property, String value) {
        Map<String, Object> settings = new HashMap<>(Map.of("oktopost.account-id", "A1", "oktopost.api-key", "k",
                "slack.bot-token", "xoxb-present", "slack.signing-secret", "s",
                "datasources.default.url", "jdbc:sqlite:target/test-db/refusal.db"));
        settings.put(property, value);
        return Application.refusal(new MapPropertyResolver(settings))
                .orElseThrow(() -> new AssertionError("a start with " + property + "=" + value + " is not refused"));
    }

    /** The one line the app stops with, a bad setting's exit code 2, when started with only these settings. */
    public static String line(Map<String, String> settings) throws Exception {
        return line(settings, 2);
    }

    /** The one line the app stops with, with that exit code, when started with only these settings. */
    public static String line(Map<String, String> settings, int exitCode) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Application.class.getName());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("OKTOPOST_") || k.startsWith("SLACK_") || k.startsWith("MICRONAUT_")
                || k.startsWith("OKTO_") || k.startsWith("DATASOURCES_"));
        env.putAll(settings);
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the app should stop by itself");
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(exitCode, process.exitValue(), stderr);
        List<String> lines = stderr.lines().toList();
        assertEquals(1, lines.size(), stderr);
        return lines.get(0);
    }
}
