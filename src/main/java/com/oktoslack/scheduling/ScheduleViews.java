package com.oktoslack.scheduling;

import com.oktoslack.media.MediaFromSlack;
import com.oktoslack.slack.BlockKitLimits;
import com.oktoslack.slack.Modals;
import com.oktoslack.oktopost.Credential;
import com.oktoslack.oktopost.Workflow;
import com.oktoslack.campaigns.CampaignOptions;
import com.oktoslack.slack.Mrkdwn;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionGroupObject;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.MultiStaticSelectElement;
import com.slack.api.model.view.View;
import io.micronaut.core.annotation.Nullable;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.optionGroup;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.externalSelect;
import static com.slack.api.model.block.element.BlockElements.fileInput;
import static com.slack.api.model.block.element.BlockElements.multiStaticSelect;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.radioButtons;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.timePicker;
import static com.slack.api.model.block.element.BlockElements.urlTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/** Every view of the scheduling modal: loading, the form, and the notices that replace it. */
final class ScheduleViews {

    static final String TITLE = "Schedule a post";

    static final String FORM_CALLBACK = "scheduling_form";
    static final String SHORTCUT_CALLBACK = "scheduling_message_shortcut";

    static final String TEXT_BLOCK = "scheduling_text";
    static final String TEXT_ACTION = "scheduling_text_input";
    static final String NETWORKS_BLOCK = "scheduling_networks";
    static final String NETWORKS_ACTION = "scheduling_networks_select";
    static final String PROFILES_BLOCK = "scheduling_profiles";
    static final String PROFILES_ACTION = "scheduling_profiles_select";
    static final String CAMPAIGN_BLOCK = "scheduling_campaign";
    static final String CAMPAIGN_ACTION = CampaignOptions.ACTION;
    static final String DATE_BLOCK = "scheduling_date";
    static final String DATE_ACTION = "scheduling_date_pick";
    static final String TIME_BLOCK = "scheduling_time";
    static final String TIME_ACTION = "scheduling_time_pick";
    static final String LINK_BLOCK = "scheduling_link";
    static final String LINK_ACTION = "scheduling_link_input";
    static final String WORKFLOW_BLOCK = "scheduling_workflow";
    static final String WORKFLOW_ACTION = "scheduling_workflow_select";
    static final String MEDIA_BLOCK = "scheduling_media";
    static final String MEDIA_ACTION = "scheduling_media_files";
    static final String VIDEO_TITLE_BLOCK = "scheduling_video_title";
    static final String VIDEO_TITLE_ACTION = "scheduling_video_title_input";
    static final String MODE_BLOCK = "scheduling_mode";
    static final String MODE_ACTION = "scheduling_mode_pick";

    static final String MODE_SCHEDULE = "schedule";
    static final String MODE_DRAFT = "draft";

    /** Slack's limits for options, per list or group and per option's text. */
    static final int MAX_OPTIONS = BlockKitLimits.SELECT_OPTIONS;
    static final int MAX_OPTION_TEXT = BlockKitLimits.OPTION_TEXT;
    /** Slack's limit for a plain-text input's value. */
    static final int MAX_TEXT = BlockKitLimits.INPUT_VALUE;

    /** YouTube's limit for a video's title. */
    static final int MAX_VIDEO_TITLE = 100;
    /** The file types Oktopost's upload takes, as Slack's file field names them. */
    static final List<String> MEDIA_FILE_TYPES = List.of("jpg", "jpeg", "png", "gif", "mp4");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private ScheduleViews() {
    }

    /** Shown the moment the command or shortcut arrives, while profiles and workflows load. */
    static View loading() {
        return Modals.loading(TITLE, "Getting your Oktopost profiles…");
    }

    /** A message in place of the form; the modal can only be closed. */
    static View notice(String message) {
        return Modals.notice(TITLE, message);
    }

    static View form(ScheduleChoices choices, ScheduleForm form, String timeZone, String privateMetadata,
                     @Nullable String origin) {
        MediaOffer none = MediaOffer.unavailable();
        return form(choices.suitedTo(none), form, timeZone, privateMetadata, origin, none);
    }

    static View form(ScheduleChoices choices, ScheduleForm form, String timeZone, String privateMetadata,
                     @Nullable String origin, MediaOffer media) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (origin != null) {
            blocks.add(context(c -> c.elements(List.of(markdownText(origin)))));
        }
        blocks.add(input(i -> i.blockId(TEXT_BLOCK)
                .label(plainText("Text"))
                .hint(plainText(limitsHint(choices.networks())))
                .element(plainTextInput(p -> p.actionId(TEXT_ACTION).multiline(true)
                        .initialValue(form.text().isEmpty() ? null : form.text())
                        .placeholder(plainText("What should the post say?"))))));
        blocks.add(input(i -> i.blockId(NETWORKS_BLOCK)
                .label(plainText("Networks"))
                .dispatchAction(true)
                .element(multiStaticSelect(m -> m.actionId(NETWORKS_ACTION)
                        .placeholder(plainText("Pick networks"))
                        .options(choices.networks().stream().map(ScheduleViews::networkOption).toList())
                        .initialOptions(form.networks().isEmpty() ? null
                                : form.networks().stream().map(ScheduleViews::networkOption).toList())))));
        blocks.add(input(i -> i.blockId(PROFILES_BLOCK)
                .label(plainText("Profiles"))
                .hint(plainText(form.networks().isEmpty() ? "Valid profiles in Oktopost. Pick networks to narrow the list."
                        : "Valid profiles of the networks you picked."))
                .element(profilesSelect(choices, form))));
        blocks.add(input(i -> i.blockId(CAMPAIGN_BLOCK)
                .label(plainText("Campaign"))
                .element(externalSelect(e -> e.actionId(CAMPAIGN_ACTION)
                        .minQueryLength(0)
                        .placeholder(plainText("Type to search campaigns"))
                        .initialOption(form.campaign() == null ? null
                                : option(plainText(cut(form.campaign().label())), form.campaign().id()))))));
        blocks.add(input(i -> i.blockId(DATE_BLOCK)
                .label(plainText("Date"))
                .element(datePicker(d -> d.actionId(DATE_ACTION).initialDate(form.date().toString())))));
        blocks.add(input(i -> i.blockId(TIME_BLOCK)
                .label(plainText("Time"))
                .hint(plainText("In your Slack time zone, " + timeZone + "."))
                .element(timePicker(t -> t.actionId(TIME_ACTION).timezone(timeZone)
                        .initialTime(TIME.format(form.time()))))));
        blocks.add(input(i -> i.blockId(LINK_BLOCK)
                .label(plainText("Link"))
                .optional(true)
                .hint(plainText("Added at the end of the text."))
                .element(urlTextInput(u -> u.actionId(LINK_ACTION).initialValue(form.link())
                        .placeholder(plainText("https://…"))))));
        blocks.addAll(mediaBlocks(media));
        if (choices.networks().stream().anyMatch(Networks::isYouTube)) {
            blocks.add(input(i -> i.blockId(VIDEO_TITLE_BLOCK)
                    .label(plainText("YouTube title"))
                    .optional(true)
                    .hint(plainText("For YouTube: the video's title, up to " + MAX_VIDEO_TITLE
                            + " characters. The text above becomes its description."))
                    .element(plainTextInput(p -> p.actionId(VIDEO_TITLE_ACTION).maxLength(MAX_VIDEO_TITLE)
                            .initialValue(form.videoTitle())))));
        }
        List<Workflow> workflows = choices.workflows().stream().limit(MAX_OPTIONS).toList();
        if (!workflows.isEmpty()) {
            blocks.add(input(i -> i.blockId(WORKFLOW_BLOCK)
                    .label(plainText("Approval workflow"))
                    .optional(true)
                    .hint(plainText("Posts wait for approval in this workflow before they go out."))
                    .element(staticSelect(s -> s.actionId(WORKFLOW_ACTION)
                            .placeholder(plainText("No approval"))
                            .options(workflows.stream().map(ScheduleViews::workflowOption).toList())
                            .initialOption(workflows.stream().filter(w -> w.id().equals(form.workflowId()))
                                    .findFirst().map(ScheduleViews::workflowOption).orElse(null))))));
        }
        OptionObject schedule = option(o -> o.text(plainText("Schedule")).value(MODE_SCHEDULE)
                .description(plainText("Goes out at the time above")));
        OptionObject draft = option(o -> o.text(plainText("Save as drafts")).value(MODE_DRAFT)
                .description(plainText("Wait in Oktopost as drafts until someone schedules them")));
        blocks.add(input(i -> i.blockId(MODE_BLOCK)
                .label(plainText("Schedule or draft"))
                .element(radioButtons(r -> r.actionId(MODE_ACTION).options(List.of(schedule, draft))
                        .initialOption(form.draft() ? draft : schedule)))));
        return view(v -> v.type("modal")
                .callbackId(FORM_CALLBACK)
                .privateMetadata(privateMetadata)
                .title(viewTitle(t -> t.type("plain_text").text(TITLE)))
                .submit(viewSubmit(s -> s.type("plain_text").text("Schedule")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    /** The file field, the message's files, or why no file can go with the post. */
    private static List<LayoutBlock> mediaBlocks(MediaOffer media) {
        if (!media.available()) {
            return List.of(context(c -> c.elements(List.of(markdownText(":warning: " + MediaFromSlack.unavailable())))));
        }
        if (media.input()) {
            return List.of(input(i -> i.blockId(MEDIA_BLOCK)
                    .label(plainText("Images or video"))
                    .optional(true)
                    .hint(plainText(mediaHint()))
                    .element(fileInput(f -> f.actionId(MEDIA_ACTION).filetypes(MEDIA_FILE_TYPES)
                            .maxFiles(MediaOffer.MAX_FILES)))));
        }
        List<String> lines = new ArrayList<>();
        if (!media.files().isEmpty()) {
            lines.add("Attached from the message: " + media.files().stream()
                    .map(f -> "*" + Mrkdwn.escape(f.name()) + "*").collect(Collectors.joining(", "))
                    + ". Oktopost takes them when you schedule. " + mediaHint());
        }
        if (!media.leftOut().isEmpty()) {
            lines.add("Left out (not an image or video Oktopost takes: JPEG, PNG, GIF, MP4): " + media.leftOut().stream()
                    .map(n -> "*" + Mrkdwn.escape(n) + "*").collect(Collectors.joining(", ")) + ".");
        }
        if (lines.isEmpty()) {
            return List.of();
        }
        return List.of(context(c -> c.elements(List.of(markdownText(cutContext(String.join("\n", lines)))))));
    }

    private static String mediaHint() {
        return "At most " + List.of("Twitter", "LinkedIn", "Instagram", "Facebook").stream()
                .map(n -> Networks.mediaLimit(n) + " on " + Networks.label(n)).collect(Collectors.joining(", "))
                + "; one video for YouTube. A post takes files or a link, not both.";
    }

    private static String cutContext(String text) {
        return Mrkdwn.cut(text, BlockKitLimits.SECTION_TEXT);
    }

    private static MultiStaticSelectElement profilesSelect(ScheduleChoices choices, ScheduleForm form) {
        List<String> shown = form.networks().isEmpty() ? choices.networks()
                : choices.networks().stream().filter(form.networks()::contains).toList();
        List<OptionGroupObject> groups = shown.stream()
                .map(network -> optionGroup(g -> g.label(plainText(Networks.label(network)))
                        .options(choices.profilesOf(network).stream().limit(MAX_OPTIONS)
                                .map(p -> profileOption(network, p)).toList())))
                .toList();
        List<OptionObject> initial = choices.profiles().stream()
                .filter(p -> form.profileIds().contains(p.id()))
                .filter(p -> shown.contains(Networks.offered(p.network()).orElseThrow()))
                .map(p -> profileOption(Networks.offered(p.network()).orElseThrow(), p))
                .toList();
        return multiStaticSelect(m -> m.actionId(PROFILES_ACTION)
                .placeholder(plainText("Pick profiles"))
                .optionGroups(groups)
                .initialOptions(initial.isEmpty() ? null : initial));
    }

    /** A profile's option carries its network too, so the submission can be checked without asking Oktopost. */
    static String profileValue(String network, String profileId) {
        return network + "|" + profileId;
    }

    private static OptionObject profileOption(String network, Credential profile) {
        return option(plainText(cut(ScheduleChoices.name(profile))), profileValue(network, profile.id()));
    }

    private static OptionObject networkOption(String network) {
        return option(plainText(Networks.label(network)), network);
    }

    private static OptionObject workflowOption(Workflow workflow) {
        return option(plainText(cut(workflow.name())), workflow.id());
    }

    private static String limitsHint(List<String> networks) {
        return "Limits: " + networks.stream()
                .map(n -> Networks.label(n) + " " + String.format(Locale.ROOT, "%,d", Networks.limit(n)))
                .collect(Collectors.joining(", ")) + " characters.";
    }

    static String cut(String text) {
        return Mrkdwn.snippet(text == null ? "" : text, MAX_OPTION_TEXT);
    }
}
