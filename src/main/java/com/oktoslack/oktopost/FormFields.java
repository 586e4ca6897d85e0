package com.oktoslack.oktopost;

import io.micronaut.core.annotation.Nullable;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Form fields for a POST, leaving out what is not set so Oktopost applies its own defaults. */
final class FormFields {

    private final Map<String, String> fields = new LinkedHashMap<>();

    static FormFields form() {
        return new FormFields();
    }

    FormFields put(String name, @Nullable String value) {
        if (value != null) {
            fields.put(name, value);
        }
        return this;
    }

    FormFields putList(String name, @Nullable Collection<String> values) {
        if (values != null && !values.isEmpty()) {
            fields.put(name, String.join(",", values));
        }
        return this;
    }

    /** 1 when true; left out when false, which is Oktopost's default for these flags. */
    FormFields flag(String name, boolean on) {
        if (on) {
            fields.put(name, "1");
        }
        return this;
    }

    Map<String, String> toMap() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
