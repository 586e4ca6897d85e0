package com.oktoslack.stories;

import io.micronaut.core.annotation.Nullable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The share modal's private metadata: which story, the advocate's time zone, and per network the story's
 * message id and network name and a fingerprint of its text (to tell edited text from the original without
 * asking Oktopost again). {@code profiles} maps each offered profile id to its network key.
 */
record ShareMetadata(String storyId,
                     @Nullable String boardId,
                     String title,
                     String zone,
                     Map<String, String> messageIds,
                     Map<String, String> networkNames,
                     Map<String, String> fingerprints,
                     Map<String, String> profiles) {

    ShareMetadata {
        messageIds = messageIds == null ? Map.of() : Map.copyOf(messageIds);
        networkNames = networkNames == null ? Map.of() : Map.copyOf(networkNames);
        fingerprints = fingerprints == null ? Map.of() : Map.copyOf(fingerprints);
        profiles = profiles == null ? Map.of() : Map.copyOf(profiles);
    }

    /** Slack may hand back edited text with other line endings or trailing spaces; those are not edits. */
    static String fingerprint(@Nullable String text) {
        String normal = text == null ? "" : text.replace("\r\n", "\n").strip();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
