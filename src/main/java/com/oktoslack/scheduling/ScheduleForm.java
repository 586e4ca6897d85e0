package com.oktoslack.scheduling;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** The values the modal shows: prefilled on opening, or as the person left them when the modal is redrawn. */
record ScheduleForm(String text,
                    List<String> networks,
                    List<String> profileIds,
                    @Nullable Choice campaign,
                    LocalDate date,
                    LocalTime time,
                    @Nullable String link,
                    @Nullable String workflowId,
                    boolean draft,
                    @Nullable String videoTitle) {

    ScheduleForm(String text, List<String> networks, List<String> profileIds, @Nullable Choice campaign, LocalDate date,
                 LocalTime time, @Nullable String link, @Nullable String workflowId, boolean draft) {
        this(text, networks, profileIds, campaign, date, time, link, workflowId, draft, null);
    }

    /** A picked option: its value and the text shown for it. */
    record Choice(String id, String label) {
    }

    ScheduleForm {
        networks = List.copyOf(networks);
        profileIds = List.copyOf(profileIds);
    }

    static ScheduleForm fresh(String text, LocalDate date, LocalTime time, @Nullable Choice campaign) {
        return new ScheduleForm(text, List.of(), List.of(), campaign, date, time, null, null, false, null);
    }
}
