package com.oktoslack.scheduling;

import io.micronaut.core.annotation.Nullable;

/**
 * What the modal carries between opening and submission (its private_metadata): the person's time zone, where
 * to confirm (the response URL of the command or shortcut that opened it), the line saying where the text
 * came from, and which images and videos can go with the post.
 */
record ScheduleMetadata(String timeZone, @Nullable String responseUrl, @Nullable String origin,
                        @Nullable MediaOffer media) {

    ScheduleMetadata(String timeZone, @Nullable String responseUrl, @Nullable String origin) {
        this(timeZone, responseUrl, origin, null);
    }

    /** As the form was drawn; a form from before media were offered had none. */
    MediaOffer mediaOffer() {
        return media == null ? MediaOffer.unavailable() : media;
    }
}
