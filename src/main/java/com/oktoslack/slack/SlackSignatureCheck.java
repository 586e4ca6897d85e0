package com.oktoslack.slack;

import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Slack's request signature ({@code v0=HMAC-SHA256("v0:" + timestamp + ":" + body)}), checked on the raw body
 * before anything reads it. The timestamp must lie within five minutes of now on either side: a signature
 * dated in the future would otherwise stay replayable for as long as it is ahead.
 */
@Singleton
class SlackSignatureCheck {

    static final Duration WINDOW = Duration.ofMinutes(5);

    private final byte[] secret;
    // Slack signs with real time, so the check uses it too, not the app's movable clock.
    private final Clock clock = Clock.systemUTC();

    SlackSignatureCheck(SlackSettings settings) {
        this.secret = settings.signingSecret() == null ? new byte[0] : settings.signingSecret().getBytes(StandardCharsets.UTF_8);
    }

    boolean verify(String timestamp, String signature, String body) {
        if (secret.length == 0 || timestamp == null || signature == null || body == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        long now = clock.millis() / 1000;
        if (Math.abs(now - seconds) > WINDOW.toSeconds()) {
            return false;
        }
        byte[] expected = ("v0=" + hmac("v0:" + seconds + ":" + body)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII));
    }

    private String hmac(String base) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
