package com.oktoslack.scheduling;

import com.oktoslack.slack.FormValues;
import com.slack.api.model.view.ViewState;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import static com.oktoslack.scheduling.ScheduleViews.*;

/** The schedule modal's values, read by field. */
record ScheduleState(FormValues form) {

    /** A profile picked in the modal, with the network its option named. */
    record PickedProfile(String network, String id, String name) {
    }

    static ScheduleState of(@Nullable ViewState state) {
        return new ScheduleState(FormValues.of(state));
    }

    String text() {
        return value(TEXT_BLOCK, TEXT_ACTION).map(ViewState.Value::getValue).map(String::strip).orElse("");
    }

    List<String> networks() {
        return selected(NETWORKS_BLOCK, NETWORKS_ACTION).stream().map(ViewState.SelectedOption::getValue).toList();
    }

    List<PickedProfile> profiles() {
        return selected(PROFILES_BLOCK, PROFILES_ACTION).stream()
                .filter(o -> o.getValue() != null && o.getValue().contains("|"))
                .map(o -> {
                    int bar = o.getValue().indexOf('|');
                    return new PickedProfile(o.getValue().substring(0, bar), o.getValue().substring(bar + 1), label(o));
                })
                .toList();
    }

    Optional<ScheduleForm.Choice> campaign() {
        return single(CAMPAIGN_BLOCK, CAMPAIGN_ACTION);
    }

    Optional<ScheduleForm.Choice> workflow() {
        return single(WORKFLOW_BLOCK, WORKFLOW_ACTION);
    }

    Optional<LocalDate> date() {
        return value(DATE_BLOCK, DATE_ACTION).map(ViewState.Value::getSelectedDate).flatMap(d -> parse(() -> LocalDate.parse(d)));
    }

    Optional<LocalTime> time() {
        return value(TIME_BLOCK, TIME_ACTION).map(ViewState.Value::getSelectedTime).flatMap(t -> parse(() -> LocalTime.parse(t)));
    }

    /** The zone the time picker says it used, when it says one. */
    Optional<String> timeZone() {
        return value(TIME_BLOCK, TIME_ACTION).map(ViewState.Value::getTimezone).filter(z -> !z.isBlank());
    }

    String link() {
        return value(LINK_BLOCK, LINK_ACTION).map(ViewState.Value::getValue).map(String::strip).orElse("");
    }

    /** Files picked in the form's file field. */
    List<com.slack.api.model.File> files() {
        return value(MEDIA_BLOCK, MEDIA_ACTION).map(ViewState.Value::getFiles).orElse(List.of());
    }

    String videoTitle() {
        return value(VIDEO_TITLE_BLOCK, VIDEO_TITLE_ACTION).map(ViewState.Value::getValue).map(String::strip).orElse("");
    }

    boolean draft() {
        return single(MODE_BLOCK, MODE_ACTION).map(c -> MODE_DRAFT.equals(c.id())).orElse(false);
    }

    /** The values as a form to draw again; date and time fall back to the given ones when none is picked. */
    ScheduleForm asForm(LocalDate defaultDate, LocalTime defaultTime) {
        return new ScheduleForm(text(), networks(), profiles().stream().map(PickedProfile::id).toList(),
                campaign().orElse(null), date().orElse(defaultDate), time().orElse(defaultTime),
                link().isEmpty() ? null : link(), workflow().map(ScheduleForm.Choice::id).orElse(null), draft(),
                videoTitle().isEmpty() ? null : videoTitle());
    }

    private Optional<ViewState.Value> value(String block, String action) {
        return form.value(block, action);
    }

    private List<ViewState.SelectedOption> selected(String block, String action) {
        return form.selectedAll(block, action);
    }

    private Optional<ScheduleForm.Choice> single(String block, String action) {
        return form.selected(block, action).map(o -> new ScheduleForm.Choice(o.getValue(), label(o)));
    }

    private static String label(ViewState.SelectedOption option) {
        return FormValues.label(option);
    }

    private interface Parse<T> {
        T get();
    }

    private static <T> Optional<T> parse(Parse<T> parse) {
        try {
            return Optional.of(parse.get());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
