package com.oktoslack.storage;

import com.oktoslack.Application;
import com.oktoslack.testing.RefusedStart;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretKeySettingTest {

    static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    static final String OTHER_KEY = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";

    @Test
    void anInvalidKeyStopsStartUpWithOneLineNamingTheSetting() {
        Application.Refusal refusal = RefusedStart.refusal("okto.secret-key", "c2hvcnQ=");

        assertEquals(2, refusal.exitCode());
        assertTrue(refusal.line().contains("OKTO_SECRET_KEY decodes to 5 bytes, not 32"), refusal.line());
        assertFalse(refusal.line().contains("c2hvcnQ="), "the value itself is not shown");
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
