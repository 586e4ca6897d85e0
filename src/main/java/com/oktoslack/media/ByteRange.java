package com.oktoslack.media;

import io.micronaut.core.annotation.Nullable;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One range of a file's bytes, first to last inclusive, as an HTTP {@code Range: bytes=} header asks. */
record ByteRange(long first, long last) {

    private static final Pattern ONE_RANGE = Pattern.compile("\\s*bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*");

    /** Thrown for a range that does not fit the file (416). */
    static final class Unsatisfiable extends Exception {
        Unsatisfiable() {
            super(null, null, false, false);
        }
    }

    /**
     * The range asked for within a file of {@code size} bytes; empty for no header, or one this path does not
     * serve as a range (several ranges), which is then answered whole, as HTTP allows.
     */
    static Optional<ByteRange> parse(@Nullable String header, long size) throws Unsatisfiable {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        Matcher m = ONE_RANGE.matcher(header);
        if (!m.matches()) {
            return Optional.empty();
        }
        String from = m.group(1);
        String to = m.group(2);
        try {
            if (from.isEmpty()) {
                if (to.isEmpty()) {
                    return Optional.empty();
                }
                long suffix = Long.parseLong(to);
                if (suffix == 0 || size == 0) {
                    throw new Unsatisfiable();
                }
                return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
            }
            long first = Long.parseLong(from);
            long last = to.isEmpty() ? size - 1 : Math.min(Long.parseLong(to), size - 1);
            if (first >= size || last < first) {
                throw new Unsatisfiable();
            }
            return Optional.of(new ByteRange(first, last));
        } catch (NumberFormatException tooLong) {
            throw new Unsatisfiable();
        }
    }

    long length() {
        return last - first + 1;
    }

    String header() {
        return "bytes=" + first + "-" + last;
    }

    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }
}
