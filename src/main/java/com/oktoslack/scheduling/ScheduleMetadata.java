package com.oktoslack.scheduling;

import io.micronaut.core.annotation.Nullable;

/**
 * What the modal carries between opening and submission (its private_metadata): the person's time zone, where
 * to confirm (the response URL of the command or shortcut that opened it), and the line saying where the text
 * came from.
 */
record ScheduleMetadata(String timeZone, @Nullable String responseUrl, @Nullable String origin) {
}
