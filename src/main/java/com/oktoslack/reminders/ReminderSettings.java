package com.oktoslack.reminders;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.value.PropertyResolver;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/** The reminder settings, each read once here; defaults in application.yml. */
@Singleton
public class ReminderSettings {

    static final String HOURS_VARIABLE = "OKTO_REMINDER_HOURS";
    static final String HOURS_PROPERTY = "okto.reminder-hours";
    static final String URGENT_VARIABLE = "OKTO_URGENT_BEFORE";
    static final String URGENT_PROPERTY = "okto.urgent-before";

    private final ReminderHours hours;
    private final Duration urgentBefore;
    private final Duration sweepEvery;

    ReminderSettings(@Value("${" + HOURS_PROPERTY + "}") String hours, @Value("${" + URGENT_PROPERTY + "}") String urgentBefore,
                     @Value("${okto.reminders.sweep-every}") Duration sweepEvery) {
        this.hours = ReminderHours.parse(hours);
        this.urgentBefore = ReminderDurations.parse(urgentBefore)
                .orElseThrow(() -> new IllegalArgumentException(URGENT_VARIABLE + " is not a duration like 4h"));
        this.sweepEvery = sweepEvery;
    }

    /** The one line that stops start-up when a reminder setting is unusable; empty when all is well. */
    public static Optional<String> invalidSetting(PropertyResolver properties) {
        String hours = properties.get(HOURS_PROPERTY, String.class).orElse(ReminderHours.DEFAULT);
        try {
            ReminderHours.parse(hours);
        } catch (IllegalArgumentException e) {
            return Optional.of(HOURS_VARIABLE + " is not valid: " + e.getMessage());
        }
        String urgent = properties.get(URGENT_PROPERTY, String.class).orElse("4h");
        if (ReminderDurations.parse(urgent).isEmpty()) {
            return Optional.of(URGENT_VARIABLE + " is not valid: expected a duration like 30m, 4h or 2d");
        }
        return Optional.empty();
    }

    ReminderHours hours() {
        return hours;
    }

    Duration urgentBefore() {
        return urgentBefore;
    }

    Duration sweepEvery() {
        return sweepEvery;
    }
}
