package com.oktoslack.slack;

import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A modal's values as Slack sends them back ({@code view.state.values}: block id → action id → value), read
 * by field. A field Slack left out reads as empty, never as an error: a person may leave optional inputs alone.
 */
public record FormValues(Map<String, Map<String, ViewState.Value>> values) {

    public FormValues {
        values = values == null ? Map.of() : values;
    }

    public static FormValues of(@Nullable View view) {
        return of(view == null ? null : view.getState());
    }

    public static FormValues of(@Nullable ViewState state) {
        return new FormValues(state == null ? null : state.getValues());
    }

    public Optional<ViewState.Value> value(String block, String action) {
        Map<String, ViewState.Value> inBlock = values.get(block);
        return inBlock == null ? Optional.empty() : Optional.ofNullable(inBlock.get(action));
    }

    /** A text input's value without surrounding white space; "" when empty. */
    public String text(String block, String action) {
        return value(block, action).map(ViewState.Value::getValue).map(String::strip).orElse("");
    }

    /** The option picked in a single select or radio group, when one with a value is. */
    public Optional<ViewState.SelectedOption> selected(String block, String action) {
        return value(block, action).map(ViewState.Value::getSelectedOption)
                .filter(o -> o.getValue() != null && !o.getValue().isBlank());
    }

    /** The options ticked in a multi-select or checkbox group that carry a value. */
    public List<ViewState.SelectedOption> selectedAll(String block, String action) {
        List<ViewState.SelectedOption> options = value(block, action).map(ViewState.Value::getSelectedOptions).orElse(null);
        return options == null ? List.of() : options.stream()
                .filter(o -> o.getValue() != null && !o.getValue().isBlank())
                .toList();
    }

    /** What the person saw on an option; its value when Slack sent no text. */
    public static String label(ViewState.SelectedOption option) {
        return option.getText() == null || option.getText().getText() == null ? option.getValue() : option.getText().getText();
    }
}
