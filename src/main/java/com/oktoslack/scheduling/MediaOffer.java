package com.oktoslack.scheduling;

import com.oktoslack.media.SlackFile;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * Which images and videos the form can pass on: none, when the app has no public address for Oktopost to fetch
 * them from; those of the message the shortcut was used on (a message's other files are named in
 * {@code leftOut}); or those the person picks in the form's file field ({@code input}).
 */
record MediaOffer(boolean available, boolean input, List<SlackFile> files, List<String> leftOut) {

    /** Slack's file field takes at most this many files. */
    static final int MAX_FILES = 10;

    MediaOffer(boolean available, boolean input, @Nullable List<SlackFile> files, @Nullable List<String> leftOut) {
        this.available = available;
        this.input = input;
        this.files = files == null ? List.of() : List.copyOf(files);
        this.leftOut = leftOut == null ? List.of() : List.copyOf(leftOut);
    }

    static MediaOffer unavailable() {
        return new MediaOffer(false, false, List.of(), List.of());
    }

    static MediaOffer picked() {
        return new MediaOffer(true, true, List.of(), List.of());
    }

    static MediaOffer fromMessage(List<SlackFile> files, List<String> leftOut) {
        return new MediaOffer(true, false, files, leftOut);
    }

    /** YouTube is offered when a video can go with the post: picked in the form, or attached to the message. */
    boolean suitsYouTube() {
        return available && (input || files.stream().anyMatch(SlackFile::video));
    }
}
