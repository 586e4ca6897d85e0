package com.oktoslack.scheduling;

import com.fasterxml.jackson.databind.JsonNode;
import com.oktoslack.oktopost.Credential;
import com.oktoslack.oktopost.Workflow;
import com.slack.api.util.json.GsonFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The form as Slack receives it, against a reviewed copy. */
class ScheduleViewsTest {

    static final ScheduleChoices CHOICES = new ScheduleChoices(List.of(
            new Credential("003-1", "Acme on X", "Acme on X", "valid", "Twitter", "acme"),
            new Credential("003-2", "Mia Marketer", null, "valid", "LinkedIn", "mia"),
            new Credential("003-3", "acme-page", "Acme page", "valid", "LinkedIn", "acme"),
            new Credential("003-4", "Acme videos", null, "valid", "Youtube", "acme"),
            new Credential("003-5", "Acme on Facebook", null, "expired", "Facebook", "acme")),
            List.of(new Workflow("cwf-1", "Marketing review", "active", List.of())));

    static final ScheduleForm FORM = new ScheduleForm("Spring is here.", List.of("LinkedIn"), List.of("003-3"),
            new ScheduleForm.Choice("002-1", "Spring launch"), LocalDate.parse("2030-01-16"), LocalTime.parse("09:30"),
            "https://acme.example/spring", "cwf-1", false);

    static String render() {
        return GsonFactory.createSnakeCase().toJson(ScheduleViews.form(CHOICES, FORM, "America/New_York",
                "{\"timeZone\":\"America/New_York\"}", "Text from a message by <@U0MIA> in <#C0LAUNCH>. Edit it for the post."));
    }

    @Test
    void theFormMatchesTheReviewedCopy() throws IOException {
        try (InputStream golden = getClass().getResourceAsStream("/scheduling/form.json")) {
            assertNotNull(golden, "src/test/resources/scheduling/form.json");
            JsonNode expected = ScheduleForms.json(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
            assertEquals(expected, ScheduleForms.json(render()));
        }
    }
}
