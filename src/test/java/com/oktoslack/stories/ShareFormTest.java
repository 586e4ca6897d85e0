package com.oktoslack.stories;

import com.oktoslack.slack.FormValues;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.view.ViewState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShareFormTest {

    private static final Instant NOW = Instant.parse("2030-03-10T12:00:00Z");
    private static final ShareMetadata METADATA = new ShareMetadata("0AS1", "brd1", "Story", "America/New_York",
            Map.of("twitter", "005T"), Map.of("twitter", "Twitter"), Map.of("twitter", ShareMetadata.fingerprint("Read it")),
            Map.of("003-T", "twitter"));

    @Test
    void theChosenTimeIsReadInTheAdvocatesTimeZone() {
        ShareForm.Outcome outcome = ShareForm.read(METADATA, new FormValues(values("2030-03-10", "09:30", "Read it\r\n")), NOW);

        assertTrue(outcome.valid(), outcome.errors().toString());
        long expected = LocalDateTime.of(2030, 3, 10, 9, 30).atZone(ZoneId.of("America/New_York")).toEpochSecond();
        assertEquals(expected, outcome.plan().startAt());
        assertNull(outcome.plan().steps().get(0).text(), "line endings are no edit");
    }

    @Test
    void aTimeEarlierTodayIsRefusedWithTheTimeNow() {
        ShareForm.Outcome outcome = ShareForm.read(METADATA, new FormValues(values("2030-03-10", "07:59", "Read it")), NOW);

        assertEquals(Map.of(StoryViews.TIME_BLOCK, "That time has passed; it is now 08:00 in America/New_York."), outcome.errors());
        assertNull(outcome.plan());
    }

    @Test
    void profilesThatWereNotOfferedAreIgnored() {
        Map<String, Map<String, ViewState.Value>> values = values("2030-03-11", "10:00", "Read it");
        values.get(StoryViews.PROFILES_BLOCK).get(StoryViews.PROFILES_ACTION).setSelectedOptions(List.of(option("003-FORGED")));

        assertEquals(Map.of(StoryViews.PROFILES_BLOCK, "Pick at least one profile to share to."),
                ShareForm.read(METADATA, new FormValues(values), NOW).errors());
    }

    private static Map<String, Map<String, ViewState.Value>> values(String date, String time, String text) {
        ViewState.Value profiles = new ViewState.Value();
        profiles.setSelectedOptions(List.of(option("003-T")));
        ViewState.Value when = new ViewState.Value();
        when.setSelectedOption(option(StoryViews.WHEN_LATER));
        ViewState.Value day = new ViewState.Value();
        day.setSelectedDate(date);
        ViewState.Value clock = new ViewState.Value();
        clock.setSelectedTime(time);
        ViewState.Value message = new ViewState.Value();
        message.setValue(text);
        return new HashMap<>(Map.of(
                StoryViews.PROFILES_BLOCK, Map.of(StoryViews.PROFILES_ACTION, profiles),
                StoryViews.WHEN_BLOCK, Map.of(StoryViews.WHEN_ACTION, when),
                StoryViews.DATE_BLOCK, Map.of(StoryViews.DATE_ACTION, day),
                StoryViews.TIME_BLOCK, Map.of(StoryViews.TIME_ACTION, clock),
                "text:twitter", Map.of(StoryViews.TEXT_ACTION, message)));
    }

    private static ViewState.SelectedOption option(String value) {
        ViewState.SelectedOption option = new ViewState.SelectedOption();
        option.setValue(value);
        option.setText(new PlainTextObject(value, false));
        return option;
    }
}
