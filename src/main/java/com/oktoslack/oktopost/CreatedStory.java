package com.oktoslack.oktopost;

import io.micronaut.core.annotation.Nullable;

/** A story Oktopost created: its id (null when Oktopost did not say it and it was not found) and its title. */
public record CreatedStory(@Nullable String id, String title) {
}
