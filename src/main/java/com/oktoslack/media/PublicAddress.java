package com.oktoslack.media;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.Optional;

/** {@code OKTO_PUBLIC_URL}: the app's base URL as the internet reaches it, for what Oktopost fetches from it. */
@Singleton
class PublicAddress {

    private final Optional<String> base;

    PublicAddress(@Value("${okto.public-url:}") String publicUrl) {
        String url = publicUrl == null ? "" : publicUrl.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        if (!url.isEmpty()) {
            URI uri = URI.create(url);
            if (uri.getHost() == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
                throw new IllegalArgumentException("OKTO_PUBLIC_URL must be an http(s) address, such as https://okto.example.com");
            }
        }
        this.base = url.isEmpty() ? Optional.empty() : Optional.of(url);
    }

    boolean known() {
        return base.isPresent();
    }

    /** The public address of a lent file. */
    String fileUrl(String token) {
        return base.orElseThrow(() -> new IllegalStateException("OKTO_PUBLIC_URL is not set")) + MediaController.PATH + "/" + token;
    }
}
