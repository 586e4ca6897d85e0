package com.oktoslack.storage;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.value.PropertyResolver;
import jakarta.inject.Singleton;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Encrypts the secrets the app stores (AES-256-GCM, JDK only) under {@code OKTO_SECRET_KEY}, so a copy of the
 * database does not hand them out. A stored value is {@code okto-gcm1:} + base64(12-byte nonce + ciphertext and
 * tag); anything else is a secret stored in plain text before encryption existed, and is read as it is.
 * {@code OKTO_SECRET_KEY_PREVIOUS} still decrypts what the key before a rotation encrypted.
 */
@Singleton
public class SecretCipher {

    public static final String KEY_VARIABLE = "OKTO_SECRET_KEY";
    public static final String PREVIOUS_KEY_VARIABLE = "OKTO_SECRET_KEY_PREVIOUS";
    static final String KEY_PROPERTY = "okto.secret-key";
    static final String PREVIOUS_KEY_PROPERTY = "okto.secret-key-previous";
    static final String PREFIX = "okto-gcm1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    @Nullable
    private final SecretKeySpec key;
    private final List<SecretKeySpec> readKeys = new ArrayList<>();

    SecretCipher(@Value("${" + KEY_PROPERTY + ":}") String key, @Value("${" + PREVIOUS_KEY_PROPERTY + ":}") String previous) {
        this.key = parse(key, KEY_VARIABLE);
        SecretKeySpec previousKey = parse(previous, PREVIOUS_KEY_VARIABLE);
        if (this.key != null) {
            readKeys.add(this.key);
        }
        if (previousKey != null) {
            readKeys.add(previousKey);
        }
    }

    /** The one line that stops start-up when a key setting is there but unusable; empty when all is well. */
    public static Optional<String> invalidSetting(PropertyResolver properties) {
        try {
            parse(properties.get(KEY_PROPERTY, String.class).orElse(""), KEY_VARIABLE);
            parse(properties.get(PREVIOUS_KEY_PROPERTY, String.class).orElse(""), PREVIOUS_KEY_VARIABLE);
            return Optional.empty();
        } catch (IllegalStateException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** False without {@code OKTO_SECRET_KEY}: then new secrets are not stored at all. */
    public boolean canEncrypt() {
        return key != null;
    }

    /** Why a secret cannot be stored, for the person who asked to store one. */
    public static String whyNoKey() {
        return KEY_VARIABLE + " is not set, and okto-slack does not store secrets in plain text. Set it to base64 of "
                + "32 random bytes (`openssl rand -base64 32`) and restart okto-slack.";
    }

    public String encrypt(String plain) {
        if (key == null) {
            throw new IllegalStateException(whyNoKey());
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plain secret; a value stored before encryption comes back as it is. */
    public String decrypt(String stored) {
        if (!isEncrypted(stored)) {
            return stored;
        }
        if (readKeys.isEmpty()) {
            throw new IllegalStateException("A stored secret is encrypted, but " + KEY_VARIABLE + " is not set");
        }
        byte[] raw = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        for (SecretKeySpec candidate : readKeys) {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, candidate, new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
                return new String(cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES), StandardCharsets.UTF_8);
            } catch (AEADBadTagException wrongKey) {
                // try the next key
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM is not available", e);
            }
        }
        throw new IllegalStateException("A stored secret does not decrypt with " + KEY_VARIABLE
                + (readKeys.size() > 1 ? " or " + PREVIOUS_KEY_VARIABLE : "") + "; was the key changed without "
                + PREVIOUS_KEY_VARIABLE + "?");
    }

    public static boolean isEncrypted(@Nullable String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    @Nullable
    private static SecretKeySpec parse(@Nullable String value, String variable) {
        if (value == null || value.isBlank()) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(variable + " is not base64; set it to base64 of 32 random bytes (`openssl rand -base64 32`)");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(variable + " decodes to " + bytes.length
                    + " bytes, not 32; set it to base64 of 32 random bytes (`openssl rand -base64 32`)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    @Override
    public String toString() {
        return "SecretCipher[key=" + (key == null ? "none" : "***") + "]";
    }
}
