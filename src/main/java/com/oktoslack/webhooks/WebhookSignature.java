package com.oktoslack.webhooks;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Checks a delivery's signature ({@code X-Oktopost-Secret} or {@code X-Oktopost-Signature}): the hex HMAC-SHA1
 * of the raw body, in either case, under one of the accepted secrets (those configured plus those Oktopost
 * gave us when we registered webhooks).
 */
@Singleton
class WebhookSignature {

    private final List<String> configuredSecrets;
    private final WebhookRegistrationRepository registrations;

    WebhookSignature(@Value("${oktopost.webhook-secrets:}") String configuredSecrets,
                     WebhookRegistrationRepository registrations) {
        this.configuredSecrets = Arrays.stream(configuredSecrets.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        this.registrations = registrations;
    }

    boolean verify(byte[] body, String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        byte[] presented = signature.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        boolean valid = false;
        for (String secret : acceptedSecrets()) {
            // No early exit, so timing says nothing about which secret matched.
            valid |= MessageDigest.isEqual(presented, sign(secret, body).getBytes(StandardCharsets.US_ASCII));
        }
        return valid;
    }

    private List<String> acceptedSecrets() {
        List<String> secrets = new ArrayList<>(configuredSecrets);
        registrations.findAll().forEach(r -> secrets.add(r.secret()));
        return secrets;
    }

    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available", e);
        }
    }
}
