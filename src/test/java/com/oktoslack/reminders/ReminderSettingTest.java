package com.oktoslack.reminders;

import com.oktoslack.Application;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReminderSettingTest {

    @Test
    void aMalformedReminderHoursValueStopsStartUpWithOneLineNamingIt() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-cp", System.getProperty("java.class.path"), Application.class.getName());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("OKTOPOST_") || k.startsWith("SLACK_") || k.startsWith("MICRONAUT_") || k.startsWith("OKTO_"));
        env.put("OKTOPOST_ACCOUNT_ID", "A1");
        env.put("OKTOPOST_API_KEY", "k");
        env.put("SLACK_BOT_TOKEN", "xoxb-present");
        env.put("SLACK_SIGNING_SECRET", "s");
        env.put("OKTO_REMINDER_HOURS", "Mon-Fri 9-18");
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the app should stop by itself");
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertEquals(2, process.exitValue());
        List<String> lines = stderr.lines().toList();
        assertEquals(1, lines.size(), stderr);
        assertEquals("okto-slack cannot start: OKTO_REMINDER_HOURS is not valid: expected `always` or days and hours "
                + "like `Mon-Fri 09:00-18:00`", lines.get(0));
    }

    @Test
    void theDefaultsAreValidAndABadUrgentBeforeIsNamed() {
        try (ApplicationContext settings = ApplicationContext.builder().build()) {
            settings.getEnvironment().start();
            assertEquals(Optional.empty(), ReminderSettings.invalidSetting(settings.getEnvironment()));
        }
        try (ApplicationContext settings = ApplicationContext.builder().properties(Map.of("okto.urgent-before", "soon")).build()) {
            settings.getEnvironment().start();
            assertEquals(Optional.of("OKTO_URGENT_BEFORE is not valid: expected a duration like 30m, 4h or 2d"),
                    ReminderSettings.invalidSetting(settings.getEnvironment()));
        }
    }
}
