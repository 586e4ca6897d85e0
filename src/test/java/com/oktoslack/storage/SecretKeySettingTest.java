package com.oktoslack.storage;

import com.oktoslack.Application;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretKeySettingTest {

    static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    static final String OTHER_KEY = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";

    @Test
    void anInvalidKeyStopsStartUpWithOneLineNamingTheSetting() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-cp", System.getProperty("java.class.path"), Application.class.getName());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("OKTOPOST_") || k.startsWith("SLACK_") || k.startsWith("MICRONAUT_") || k.startsWith("OKTO_"));
        env.put("OKTOPOST_ACCOUNT_ID", "A1");
        env.put("OKTOPOST_API_KEY", "k");
        env.put("SLACK_BOT_TOKEN", "xoxb-present");
        env.put("SLACK_SIGNING_SECRET", "s");
        env.put("OKTO_SECRET_KEY", "c2hvcnQ=");
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the app should stop by itself");
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertEquals(2, process.exitValue());
        List<String> lines = stderr.lines().toList();
        assertEquals(1, lines.size(), stderr);
        assertTrue(lines.get(0).contains("OKTO_SECRET_KEY decodes to 5 bytes, not 32"), stderr);
        assertFalse(lines.get(0).contains("c2hvcnQ="), "the value itself is not shown");
    }

    @Test
    void whatThePreviousKeyEncryptedStillDecryptsAfterARotation() {
        SecretCipher before = new SecretCipher(KEY, "");
        String stored = before.encrypt("webhook-secret");
        SecretCipher after = new SecretCipher(OTHER_KEY, KEY);
        SecretCipher withoutPrevious = new SecretCipher(OTHER_KEY, "");

        assertEquals("webhook-secret", after.decrypt(stored));
        assertThrows(IllegalStateException.class, () -> withoutPrevious.decrypt(stored));
        assertEquals("plain-before-encryption", after.decrypt("plain-before-encryption"));
        assertFalse(new SecretCipher("", "").canEncrypt());
    }
}
