package com.oktoslack.scheduling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oktoslack.testing.SlackRequests;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.oktoslack.scheduling.ScheduleViews.*;

/** The scheduling modal as Slack sends it back: submissions, campaign type-ahead and network changes. */
final class ScheduleForms {

    static final ObjectMapper JSON = new ObjectMapper();

    private final SlackRequests slack;

    ScheduleForms(SlackRequests slack) {
        this.slack = slack;
    }

    /** The modal's values, as a person would leave them. */
    static final class Values {
        private String text = "";
        private final List<String> networks = new ArrayList<>();
        private final List<String[]> profiles = new ArrayList<>();
        private String[] campaign;
        private String date;
        private String time;
        private String timeZone;
        private String link;
        private String[] workflow;
        private boolean draft;
        private final List<Map<String, Object>> files = new ArrayList<>();
        private String videoTitle;

        /** Files picked in the form's file field, as Slack describes them. */
        Values files(List<Map<String, Object>> picked) {
            files.addAll(picked);
            return this;
        }

        Values videoTitle(String value) {
            videoTitle = value;
            return this;
        }

        Values text(String value) {
            text = value;
            return this;
        }

        Values networks(String... values) {
            networks.addAll(List.of(values));
            return this;
        }

        Values profile(String network, String id, String name) {
            profiles.add(new String[]{network, id, name});
            return this;
        }

        Values campaign(String id, String name) {
            campaign = new String[]{id, name};
            return this;
        }

        Values noCampaign() {
            campaign = null;
            return this;
        }

        Values at(String isoDate, String hourMinute, String zone) {
            date = isoDate;
            time = hourMinute;
            timeZone = zone;
            return this;
        }

        Values link(String value) {
            link = value;
            return this;
        }

        Values workflow(String id, String name) {
            workflow = new String[]{id, name};
            return this;
        }

        Values draft() {
            draft = true;
            return this;
        }

        Map<String, Object> state() {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put(TEXT_BLOCK, Map.of(TEXT_ACTION, input("plain_text_input", text)));
            values.put(NETWORKS_BLOCK, Map.of(NETWORKS_ACTION, Map.of("type", "multi_static_select",
                    "selected_options", networks.stream().map(n -> option(n, n)).toList())));
            values.put(PROFILES_BLOCK, Map.of(PROFILES_ACTION, Map.of("type", "multi_static_select",
                    "selected_options", profiles.stream().map(p -> option(p[2], p[0] + "|" + p[1])).toList())));
            values.put(CAMPAIGN_BLOCK, Map.of(CAMPAIGN_ACTION, selected("external_select", campaign)));
            Map<String, Object> datePick = new HashMap<>();
            datePick.put("type", "datepicker");
            datePick.put("selected_date", date);
            values.put(DATE_BLOCK, Map.of(DATE_ACTION, datePick));
            Map<String, Object> timePick = new HashMap<>();
            timePick.put("type", "timepicker");
            timePick.put("selected_time", time);
            timePick.put("timezone", timeZone);
            values.put(TIME_BLOCK, Map.of(TIME_ACTION, timePick));
            values.put(LINK_BLOCK, Map.of(LINK_ACTION, input("url_text_input", link)));
            values.put(WORKFLOW_BLOCK, Map.of(WORKFLOW_ACTION, selected("static_select", workflow)));
            values.put(MEDIA_BLOCK, Map.of(MEDIA_ACTION, Map.of("type", "file_input", "files", files)));
            values.put(VIDEO_TITLE_BLOCK, Map.of(VIDEO_TITLE_ACTION, input("plain_text_input", videoTitle)));
            values.put(MODE_BLOCK, Map.of(MODE_ACTION, selected("radio_buttons",
                    draft ? new String[]{MODE_DRAFT, "Save as drafts"} : new String[]{MODE_SCHEDULE, "Schedule"})));
            return values;
        }

        private static Map<String, Object> input(String type, String value) {
            Map<String, Object> input = new HashMap<>();
            input.put("type", type);
            input.put("value", value);
            return input;
        }

        private static Map<String, Object> selected(String type, String[] idAndName) {
            Map<String, Object> select = new HashMap<>();
            select.put("type", type);
            select.put("selected_option", idAndName == null ? null : option(idAndName[1], idAndName[0]));
            return select;
        }

        private static Map<String, Object> option(String label, String value) {
            return Map.of("text", Map.of("type", "plain_text", "text", label, "emoji", true), "value", value);
        }
    }

    /** The metadata the modal was filled with. */
    static String metadata(String zone, String responseUrl) {
        try {
            Map<String, Object> metadata = new HashMap<>();
            metadata.put("timeZone", zone);
            metadata.put("responseUrl", responseUrl);
            return JSON.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> submit(String userId, String viewId, String metadata, Values values) {
        Map<String, Object> payload = SlackRequests.base("view_submission", userId);
        payload.put("view", view(viewId, "h-" + viewId, metadata, values));
        return slack.interactive(payload);
    }

    /** Typing in the campaign field. */
    HttpResponse<String> typeCampaign(String userId, String typed) {
        Map<String, Object> payload = SlackRequests.base("block_suggestion", userId);
        payload.remove("trigger_id");
        payload.put("action_id", CAMPAIGN_ACTION);
        payload.put("block_id", CAMPAIGN_BLOCK);
        payload.put("value", typed);
        payload.put("container", Map.of("type", "view", "view_id", "V0TYPING"));
        payload.put("view", view("V0TYPING", "h1", metadata("UTC", null), new Values()));
        return slack.interactive(payload);
    }

    /** Picking networks, which Slack reports at once because the field dispatches its actions. */
    HttpResponse<String> pickNetworks(String userId, String viewId, String metadata, Values values) {
        Map<String, Object> payload = SlackRequests.base("block_actions", userId);
        payload.put("container", Map.of("type", "view", "view_id", viewId));
        payload.put("view", view(viewId, "h-" + viewId, metadata, values));
        payload.put("actions", List.of(Map.of("type", "multi_static_select", "action_id", NETWORKS_ACTION,
                "block_id", NETWORKS_BLOCK, "action_ts", "1894720800.000100")));
        return slack.interactive(payload);
    }

    private static Map<String, Object> view(String viewId, String hash, String metadata, Values values) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", viewId);
        view.put("type", "modal");
        view.put("callback_id", FORM_CALLBACK);
        view.put("private_metadata", metadata);
        view.put("hash", hash);
        view.put("state", Map.of("values", values.state()));
        return view;
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
