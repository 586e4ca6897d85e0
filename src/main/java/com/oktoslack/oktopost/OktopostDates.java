package com.oktoslack.oktopost;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Oktopost writes dates as {@code 2015-12-08 00:00:00} in UTC and reads them back as that or as unix seconds. */
public final class OktopostDates {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private OktopostDates() {
    }

    /** The instant, or null for a missing, empty or zero date ({@code 0000-00-00 00:00:00}, {@code -}). */
    public static @Nullable Instant parse(@Nullable String text) {
        if (text == null || text.isBlank() || text.startsWith("0000") || "-".equals(text.strip())) {
            return null;
        }
        String value = text.strip().replace('T', ' ');
        try {
            return LocalDateTime.parse(value.length() > 19 ? value.substring(0, 19) : value, FORMAT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant.atOffset(ZoneOffset.UTC));
    }

    static String unixSeconds(Instant instant) {
        return Long.toString(instant.getEpochSecond());
    }
}
