package com.oktoslack.media;

import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Lends Slack files to Oktopost under unguessable paths: 256 random bits each, of which the database keeps only
 * the SHA-256, so neither a database reader nor a guess finds a path that answers.
 */
@Singleton
class MediaShares {

    /** A file lent: its row, and the path's token (known only here and to Oktopost). */
    record Lent(MediaUpload row, String token) {
    }

    private final MediaUploadRepository uploads;
    private final MediaSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    MediaShares(MediaUploadRepository uploads, MediaSettings settings, Clock clock) {
        this.uploads = uploads;
        this.settings = settings;
        this.clock = clock;
    }

    /** Lends the files of one submission for {@code shareFor} at most. */
    List<Lent> lend(String batchId, List<SlackFile> files) {
        Instant now = clock.instant();
        List<Lent> lent = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            SlackFile file = files.get(i);
            String token = newToken();
            MediaUpload row = new MediaUpload(hash(token), batchId, i, file.id(), file.url(), file.name(), file.mimeType(),
                    file.size(), null, null, MediaUpload.UPLOADING, null, now.plus(settings.shareFor()), now);
            uploads.save(row);
            lent.add(new Lent(row, token));
        }
        return lent;
    }

    Optional<MediaUpload> lent(String token, Instant now) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return uploads.findLent(hash(token), now);
    }

    void noteError(MediaUpload file, String error) {
        uploads.noteError(file.tokenHash(), error);
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
