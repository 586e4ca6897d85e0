package com.oktoslack.media;

import com.oktoslack.oktopost.Upload;
import io.micronaut.core.annotation.Nullable;

import java.util.Locale;
import java.util.Optional;

/**
 * An image or video in Slack that Oktopost can take: its id, name, mime type, size in bytes and private URL
 * ({@code url_private}, readable with the bot token only).
 */
public record SlackFile(String id, String name, String mimeType, long size, String url) {

    /** The file, when Slack describes it fully and Oktopost's upload takes its type. */
    public static Optional<SlackFile> of(@Nullable com.slack.api.model.File file) {
        if (file == null || file.getId() == null || file.getUrlPrivate() == null || file.getSize() == null
                || file.getMimetype() == null) {
            return Optional.empty();
        }
        String mimeType = file.getMimetype().strip().toLowerCase(Locale.ROOT);
        if (!Upload.MIME_TYPES.contains(mimeType)) {
            return Optional.empty();
        }
        String name = file.getName() == null || file.getName().isBlank() ? file.getId() : file.getName();
        return Optional.of(new SlackFile(file.getId(), name, mimeType, file.getSize(), file.getUrlPrivate()));
    }

    public boolean video() {
        return mimeType.startsWith("video/");
    }
}
