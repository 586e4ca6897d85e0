package com.oktoslack.scheduling;

import com.fasterxml.jackson.databind.JsonNode;
import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.testing.AppTestBase;
import com.oktoslack.testing.FakeSlack;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.oktoslack.scheduling.ScheduleViews.*;
import static com.oktoslack.scheduling.ScheduleWorld.MIA;
import static com.oktoslack.scheduling.ScheduleWorld.MIA_ZONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opening the scheduling modal: loading view at once, then the form; campaign type-ahead; network changes. */
@MicronautTest(transactional = false)
class ScheduleModalTest extends AppTestBase {

    private final ScheduleWorld world = new ScheduleWorld(oktopost, slack);

    @Inject
    Oktopost facade;

    @MockBean(Clock.class)
    Clock clock() {
        return ScheduleWorld.clock();
    }

    @BeforeEach
    void freshCalls() {
        slack.reset();
        oktopost.reset().clearRoutes();
        slack.on("views.open", call -> Map.of("ok", true, "view", Map.of("id", "V0OPENED", "hash", "h-open")));
    }

    @Test
    void scheduleOpensALoadingViewBeforeTheAckThenFillsTheFormInTheUsersTimeZone() {
        String responseUrl = slack.responseUrl("schedule-1");
        HttpResponse<String> response = slackRequests().slashCommand(MIA,
                "schedule Spring is here, <@U0OTTO> &amp; the team say &lt;hi&gt;", responseUrl);

        assertEquals(200, response.statusCode());
        assertEquals(1, slack.calls("views.open").size(), "the modal is opened while the trigger is fresh");
        assertTrue(slack.calls("views.open").get(0).json("view").toString().contains("Getting your Oktopost profiles"));

        FakeSlack.Call update = slack.await("views.update", c -> "V0OPENED".equals(c.param("view_id")), Duration.ofSeconds(10));
        assertEquals("h-open", update.param("hash"), "the update loses against any newer change of the modal");
        JsonNode form = update.json("view");
        assertEquals(FORM_CALLBACK, form.path("callback_id").asText());

        assertEquals("Spring is here, @Otto Other & the team say <hi>",
                element(form, TEXT_BLOCK).path("initial_value").asText());
        assertEquals(List.of("LinkedIn", "Twitter"), values(element(form, NETWORKS_BLOCK).path("options")),
                "only networks with a valid profile, and none that need media");
        assertTrue(block(form, NETWORKS_BLOCK).path("dispatch_action").asBoolean());

        JsonNode groups = element(form, PROFILES_BLOCK).path("option_groups");
        assertEquals("LinkedIn", groups.get(0).path("label").path("text").asText());
        assertEquals(List.of("LinkedIn|" + world.acmePage, "LinkedIn|" + world.miaProfile), values(groups.get(0).path("options")));
        assertEquals("X (Twitter)", groups.get(1).path("label").path("text").asText());
        assertEquals(List.of("Twitter|" + world.acmeX), values(groups.get(1).path("options")));
        assertEquals(2, groups.size(), "the expired Facebook page and the YouTube channel are not offered");
        assertTrue(form.toString().contains("can't be passed on to Oktopost") && form.toString().contains("OKTO_PUBLIC_URL"),
                "without a public address the form says why no file can go with the post");
        assertTrue(form.path("blocks").findValues("block_id").stream().noneMatch(b -> b.asText().equals(MEDIA_BLOCK)));

        JsonNode campaign = element(form, CAMPAIGN_BLOCK);
        assertEquals("external_select", campaign.path("type").asText());
        assertEquals(0, campaign.path("min_query_length").asInt());
        assertTrue(campaign.path("initial_option").isMissingNode(), "two campaigns: the person picks one");

        // 10:20 in New York: the next full hour there, not in UTC (15:20).
        assertEquals("2030-01-15", element(form, DATE_BLOCK).path("initial_date").asText());
        JsonNode time = element(form, TIME_BLOCK);
        assertEquals("11:00", time.path("initial_time").asText());
        assertEquals(MIA_ZONE, time.path("timezone").asText());
        assertTrue(block(form, TIME_BLOCK).path("hint").path("text").asText().contains(MIA_ZONE));

        assertEquals(List.of(world.workflowId), values(element(form, WORKFLOW_BLOCK).path("options")));
        assertTrue(block(form, WORKFLOW_BLOCK).path("optional").asBoolean());
        assertTrue(block(form, LINK_BLOCK).path("optional").asBoolean());
        assertEquals(MODE_SCHEDULE, element(form, MODE_BLOCK).path("initial_option").path("value").asText());

        JsonNode metadata = ScheduleForms.json(form.path("private_metadata").asText());
        assertEquals(MIA_ZONE, metadata.path("timeZone").asText());
        assertEquals(responseUrl, metadata.path("responseUrl").asText());
        assertTrue(oktopost.requests().stream().noneMatch(r -> r.method().equals("POST")), "opening creates nothing");
    }

    @Test
    void theMessageShortcutOpensTheSameFormWithTheMessageText() {
        HttpResponse<String> response = slackRequests().messageShortcut(MIA, SHORTCUT_CALLBACK, "C0LAUNCH", "1894720000.000200",
                "Launch day! Read <https://acme.example/launch|our launch post> &amp; tell <@U0OTTO>", slack.responseUrl("shortcut-1"));

        assertEquals(200, response.statusCode());
        assertEquals(1, slack.calls("views.open").size());
        JsonNode form = slack.await("views.update", c -> "V0OPENED".equals(c.param("view_id")), Duration.ofSeconds(10)).json("view");
        assertEquals("Launch day! Read our launch post (https://acme.example/launch) & tell @Otto Other",
                element(form, TEXT_BLOCK).path("initial_value").asText());
        String origin = form.path("blocks").get(0).path("elements").get(0).path("text").asText();
        assertTrue(origin.contains("<@" + MIA + ">") && origin.contains("<#C0LAUNCH>"), origin);
        assertEquals(slack.responseUrl("shortcut-1"),
                ScheduleForms.json(form.path("private_metadata").asText()).path("responseUrl").asText());
        assertEquals(List.of("LinkedIn", "Twitter"), values(element(form, NETWORKS_BLOCK).path("options")));
    }

    @Test
    void theCampaignFieldOffersTheCampaignsMatchingWhatIsTyped() {
        HttpResponse<String> spring = new ScheduleForms(slackRequests()).typeCampaign(MIA, "SPR");
        assertEquals(200, spring.statusCode());
        JsonNode options = ScheduleForms.json(spring.body()).path("options");
        assertEquals(List.of(world.springCampaign), values(options));
        assertEquals("Spring launch", options.get(0).path("text").path("text").asText());

        JsonNode all = ScheduleForms.json(new ScheduleForms(slackRequests()).typeCampaign(MIA, "").body()).path("options");
        assertEquals(List.of(world.springCampaign, world.summerCampaign), values(all));
    }

    @Test
    void whenOktopostIsTooSlowForSlacksWaitTheCampaignFieldOffersNothingAndTheListIsThereNextTime() {
        facade.forgetCachedLists();
        ScheduleForms forms = new ScheduleForms(slackRequests());
        oktopost.latency(Duration.ofSeconds(4));
        try {
            HttpResponse<String> slow = forms.typeCampaign(MIA, "SPR");
            assertEquals(200, slow.statusCode());
            assertEquals(0, ScheduleForms.json(slow.body()).path("options").size(), slow.body());
        } finally {
            oktopost.latency(Duration.ZERO);
        }

        Instant deadline = Instant.now().plusSeconds(10);
        List<String> offered = List.of();
        while (offered.isEmpty() && Instant.now().isBefore(deadline)) {
            offered = values(ScheduleForms.json(forms.typeCampaign(MIA, "SPR").body()).path("options"));
        }
        assertEquals(List.of(world.springCampaign), offered);
    }

    @Test
    void pickingNetworksNarrowsTheProfilesAndKeepsWhatWasEntered() {
        ScheduleForms.Values entered = new ScheduleForms.Values().text("Draft text").networks("Twitter")
                .profile("LinkedIn", world.acmePage, "Acme page").profile("Twitter", world.acmeX, "Acme on X")
                .campaign(world.springCampaign, "Spring launch").at("2030-01-17", "08:15", MIA_ZONE);
        String metadata = ScheduleForms.metadata(MIA_ZONE, slack.responseUrl("x"));

        assertEquals(200, new ScheduleForms(slackRequests()).pickNetworks(MIA, "V0PICK", metadata, entered).statusCode());

        FakeSlack.Call update = slack.await("views.update", c -> "V0PICK".equals(c.param("view_id")), Duration.ofSeconds(10));
        assertEquals("h-V0PICK", update.param("hash"));
        JsonNode form = update.json("view");
        JsonNode groups = element(form, PROFILES_BLOCK).path("option_groups");
        assertEquals(1, groups.size());
        assertEquals(List.of("Twitter|" + world.acmeX), values(groups.get(0).path("options")));
        assertEquals(List.of("Twitter|" + world.acmeX), values(element(form, PROFILES_BLOCK).path("initial_options")));
        assertEquals(List.of("Twitter"), values(element(form, NETWORKS_BLOCK).path("initial_options")));
        assertEquals("Draft text", element(form, TEXT_BLOCK).path("initial_value").asText());
        assertEquals(world.springCampaign, element(form, CAMPAIGN_BLOCK).path("initial_option").path("value").asText());
        assertEquals("2030-01-17", element(form, DATE_BLOCK).path("initial_date").asText());
        assertEquals("08:15", element(form, TIME_BLOCK).path("initial_time").asText());
        assertEquals(metadata, form.path("private_metadata").asText());
    }

    @Test
    void someoneWithoutAnOktopostUserIsToldWhyInTheModal() {
        slackRequests().slashCommand(ScheduleWorld.ROB, "schedule", slack.responseUrl("rob"));

        JsonNode notice = slack.await("views.update", c -> "V0OPENED".equals(c.param("view_id")), Duration.ofSeconds(10)).json("view");
        assertTrue(notice.toString().contains("needs an Oktopost user"), notice.toString());
        assertFalse(notice.has("submit"), "nothing to submit");
    }

    @Test
    void aReadOnlyOktopostUserIsToldWhyInTheModal() {
        slackRequests().slashCommand(ScheduleWorld.VERA, "schedule", slack.responseUrl("vera"));

        JsonNode notice = slack.await("views.update", c -> "V0OPENED".equals(c.param("view_id")), Duration.ofSeconds(10)).json("view");
        assertTrue(notice.toString().contains("read-only"), notice.toString());
        assertFalse(notice.has("submit"));
    }

    @Test
    void anExpiredTriggerIsAnsweredWithAWayForward() {
        slack.on("views.open", call -> Map.of("ok", false, "error", "expired_trigger_id"));

        HttpResponse<String> response = slackRequests().slashCommand(MIA, "schedule", slack.responseUrl("late"));

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("did not let me open the form in time"), response.body());
        assertTrue(slack.calls("views.update").isEmpty());
    }

    static JsonNode block(JsonNode view, String blockId) {
        for (JsonNode block : view.path("blocks")) {
            if (blockId.equals(block.path("block_id").asText())) {
                return block;
            }
        }
        throw new AssertionError("No block " + blockId + " in " + view);
    }

    static JsonNode element(JsonNode view, String blockId) {
        return block(view, blockId).path("element");
    }

    static List<String> values(JsonNode options) {
        List<String> values = new ArrayList<>();
        options.forEach(o -> values.add(o.path("value").asText()));
        return values;
    }
}
