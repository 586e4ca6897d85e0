package com.oktoslack.reminders;

import com.oktoslack.Application;
import com.oktoslack.testing.RefusedStart;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReminderSettingTest {

    @Test
    void aMalformedReminderHoursValueStopsStartUpWithOneLineNamingIt() {
        assertEquals(new Application.Refusal("okto-slack cannot start: OKTO_REMINDER_HOURS is not valid: expected `always` "
                + "or days and hours like `Mon-Fri 09:00-18:00`", 2), RefusedStart.refusal("okto.reminder-hours", "Mon-Fri 9-18"));
    }

    @Test
    void theDefaultsAreValidAndABadUrgentBeforeIsNamed() {
        try (ApplicationContext settings = ApplicationContext.builder().build()) {
            settings.getEnvironment().start();
            assertEquals(Optional.empty(), ReminderSettings.invalidSetting(settings.getEnvironment()));
        }
        try (ApplicationContext settings = ApplicationContext.builder().properties(Map.of("okto.urgent-before", "soon")).build()) {
            settings.getEnvironment().start();
            assertEquals(Optional.of("OKTO_URGENT_BEFORE is not valid: expected a duration like 30m, 4h or 2d"),
                    ReminderSettings.invalidSetting(settings.getEnvironment()));
        }
    }
}
