package com.oktoslack.people;

import java.util.Locale;
import java.util.Optional;

/** How approval cards reach an approver directly: a DM per item, one DM for a burst, or none. */
public enum DmMode {
    EACH, GROUPED, OFF;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DmMode> parse(String word) {
        for (DmMode mode : values()) {
            if (mode.word().equals(word.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
