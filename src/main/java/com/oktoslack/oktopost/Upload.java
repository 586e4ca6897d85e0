package com.oktoslack.oktopost;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.micronaut.core.annotation.Nullable;

import java.util.Locale;

/**
 * A media upload Oktopost fetches from a public URL: {@code pending} while it downloads, then {@code complete}
 * with its {@code mediaId}, or {@code failed} with {@code lastError}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
public record Upload(String id, @Nullable String status, @Nullable String name, @Nullable String mimeType,
                     @Nullable String mediaId, @Nullable String lastError) {

    /** The mime types {@code POST /upload} takes. */
    public static final java.util.Set<String> MIME_TYPES = java.util.Set.of("video/mp4", "image/gif", "image/png",
            "image/jpg", "image/jpeg");

    public boolean complete() {
        return "complete".equals(normalStatus()) && mediaId != null && !mediaId.isBlank();
    }

    public boolean failed() {
        return "failed".equals(normalStatus());
    }

    private String normalStatus() {
        return status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
    }
}
