package com.oktoslack.stories;

import com.oktoslack.slack.FormValues;
import com.oktoslack.oktopost.TimeZones;
import com.slack.api.model.view.ViewState;
import io.micronaut.core.annotation.Nullable;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a submitted share modal: either field errors for Slack to show, or the plan to carry out. */
final class ShareForm {

    record Outcome(Map<String, String> errors, @Nullable SharePlan plan) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    private record Picked(String credentialId, String label) {
    }

    private ShareForm() {
    }

    static Outcome read(ShareMetadata metadata, FormValues values, Instant now) {
        Map<String, String> errors = new LinkedHashMap<>();

        Map<String, List<Picked>> byNetwork = new LinkedHashMap<>();
        for (ViewState.SelectedOption option : values.selectedAll(StoryViews.PROFILES_BLOCK, StoryViews.PROFILES_ACTION)) {
            String network = metadata.profiles().get(option.getValue());
            if (network != null && metadata.messageIds().containsKey(network)) {
                byNetwork.computeIfAbsent(network, n -> new ArrayList<>())
                        .add(new Picked(option.getValue(), FormValues.label(option)));
            }
        }
        if (byNetwork.isEmpty()) {
            errors.put(StoryViews.PROFILES_BLOCK, "Pick at least one profile to share to.");
        }

        List<SharePlan.Step> steps = new ArrayList<>();
        byNetwork.forEach((network, picked) -> {
            String name = metadata.networkNames().getOrDefault(network, network);
            String block = StoryViews.TEXT_BLOCK_PREFIX + network;
            String edited = null;
            Optional<ViewState.Value> text = values.value(block, StoryViews.TEXT_ACTION);
            if (text.isPresent()) {
                String submitted = text.get().getValue();
                if (submitted == null || submitted.isBlank()) {
                    errors.put(block, "Write the " + name + " message, or untick your " + name + " profiles.");
                } else if (!ShareMetadata.fingerprint(submitted).equals(metadata.fingerprints().get(network))) {
                    edited = submitted.replace("\r\n", "\n").strip();
                }
            }
            steps.add(new SharePlan.Step(name, metadata.messageIds().get(network), edited,
                    picked.stream().map(Picked::credentialId).toList(), picked.stream().map(Picked::label).toList(),
                    SharePlan.TODO, null, List.of()));
        });

        Long startAt = null;
        String when = values.value(StoryViews.WHEN_BLOCK, StoryViews.WHEN_ACTION)
                .map(ViewState.Value::getSelectedOption).map(ViewState.SelectedOption::getValue).orElse(StoryViews.WHEN_NOW);
        if (StoryViews.WHEN_LATER.equals(when)) {
            startAt = readTime(values, TimeZones.of(metadata.zone()), now, errors);
        }

        if (!errors.isEmpty()) {
            return new Outcome(errors, null);
        }
        return new Outcome(Map.of(), new SharePlan(metadata.storyId(), metadata.boardId(), metadata.title(), startAt, steps));
    }

    private static Long readTime(FormValues values, ZoneId zone, Instant now,
                                 Map<String, String> errors) {
        String date = values.value(StoryViews.DATE_BLOCK, StoryViews.DATE_ACTION).map(ViewState.Value::getSelectedDate).orElse(null);
        String time = values.value(StoryViews.TIME_BLOCK, StoryViews.TIME_ACTION).map(ViewState.Value::getSelectedTime).orElse(null);
        if (date == null || date.isBlank()) {
            errors.put(StoryViews.DATE_BLOCK, "Pick a date, or choose Now.");
        }
        if (time == null || time.isBlank()) {
            errors.put(StoryViews.TIME_BLOCK, "Pick a time, or choose Now.");
        }
        if (errors.containsKey(StoryViews.DATE_BLOCK) || errors.containsKey(StoryViews.TIME_BLOCK)) {
            return null;
        }
        ZonedDateTime at;
        try {
            at = LocalDate.parse(date).atTime(LocalTime.parse(time)).atZone(zone);
        } catch (DateTimeException e) {
            errors.put(StoryViews.TIME_BLOCK, "Slack sent a date or time I cannot read; please pick them again.");
            return null;
        }
        ZonedDateTime current = now.atZone(zone);
        if (at.toLocalDate().isBefore(current.toLocalDate())) {
            errors.put(StoryViews.DATE_BLOCK, "That date has passed; pick today or a later day.");
            return null;
        }
        if (!at.toInstant().isAfter(now)) {
            errors.put(StoryViews.TIME_BLOCK, "That time has passed; it is now "
                    + current.format(DateTimeFormatter.ofPattern("HH:mm")) + " in " + zone.getId() + ".");
            return null;
        }
        return at.toEpochSecond();
    }
}
