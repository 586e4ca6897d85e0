package com.oktoslack.stories;

import com.oktoslack.oktopost.Board;
import com.oktoslack.oktopost.Profile;
import com.oktoslack.oktopost.Story;
import com.oktoslack.oktopost.StoryMessage;
import com.oktoslack.oktopost.Workflow;
import com.oktoslack.slack.BlockKitLimits;
import com.oktoslack.campaigns.CampaignOptions;
import com.oktoslack.slack.Mrkdwn;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.util.StringUtils;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.externalSelect;
import static com.slack.api.model.block.element.BlockElements.image;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.radioButtons;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.timePicker;
import static com.slack.api.model.block.element.BlockElements.urlTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/** The stories modals: sharing a story to one's own profiles, suggesting a message as a story, and notices. */
final class StoryViews {

    static final String SHARE_CALLBACK = "stories_share_modal";
    static final String SUGGEST_CALLBACK = "stories_suggest_modal";
    /** The message shortcut's callback id, as in the Slack app manifest. */
    static final String SUGGEST_SHORTCUT = "stories_suggest";

    static final String PROFILES_BLOCK = "profiles";
    static final String PROFILES_ACTION = "stories_profiles";
    static final String TEXT_BLOCK_PREFIX = "text:";
    static final String TEXT_ACTION = "stories_text";
    static final String WHEN_BLOCK = "when";
    static final String WHEN_ACTION = "stories_when";
    static final String WHEN_NOW = "now";
    static final String WHEN_LATER = "later";
    static final String DATE_BLOCK = "date";
    static final String DATE_ACTION = "stories_date";
    static final String TIME_BLOCK = "time";
    static final String TIME_ACTION = "stories_time";

    static final String TITLE_BLOCK = "title";
    static final String TITLE_ACTION = "stories_title";
    static final String DESCRIPTION_BLOCK = "description";
    static final String DESCRIPTION_ACTION = "stories_description";
    static final String LINK_BLOCK = "link";
    static final String LINK_ACTION = "stories_link";
    static final String CAMPAIGN_BLOCK = "campaign";
    static final String CAMPAIGN_ACTION = CampaignOptions.ACTION;
    static final String BOARD_BLOCK = "board";
    static final String BOARD_ACTION = "stories_board";
    static final String WORKFLOW_BLOCK = "workflow";
    static final String WORKFLOW_ACTION = "stories_workflow";

    /** Slack's limits: checkbox options per group, plain text input length, option text length. */
    static final int MAX_CHECKBOXES = BlockKitLimits.CHECKBOXES;
    static final int MAX_INPUT = BlockKitLimits.INPUT_VALUE;
    static final int MAX_OPTION_TEXT = BlockKitLimits.OPTION_TEXT;
    static final int MAX_SELECT_OPTIONS = BlockKitLimits.SELECT_OPTIONS;
    static final int MAX_TITLE = 200;

    /** What the share form offers: the advocate's profiles that have a message in the story, and the others. */
    record ShareFormModel(Story story, List<Profile> shareable, List<Profile> unmatched, ZoneId zone,
                          LocalDate initialDate, LocalTime initialTime, String metadata) {
    }

    record SuggestFormModel(String title, String description, @Nullable String link, List<Board> boards,
                            List<Workflow> workflows, boolean draftOnly, String metadata) {
    }

    private StoryViews() {
    }

    static View shareForm(ShareFormModel model) {
        Story story = model.story();
        List<LayoutBlock> blocks = new ArrayList<>();
        String title = Mrkdwn.cut(StoryContent.title(story), StoryCards.TITLE_LIMIT);
        String heading = "*" + StoryContent.link(story).map(url -> Mrkdwn.link(url, title)).orElse(Mrkdwn.escape(title)) + "*";
        String description = Mrkdwn.fit(StoryContent.description(story), 500);
        blocks.add(section(s -> {
            s.text(markdownText(description.isEmpty() ? heading : heading + "\n" + description));
            StoryContent.image(story).ifPresent(url -> s.accessory(image(i -> i.imageUrl(url).altText(Mrkdwn.cut(title, 150)))));
            return s;
        }));

        List<Profile> offered = model.shareable().stream().limit(MAX_CHECKBOXES).toList();
        List<OptionObject> options = offered.stream().map(StoryViews::profileOption).toList();
        blocks.add(input(i -> i.blockId(PROFILES_BLOCK)
                .label(plainText("Share to"))
                .element(checkboxes(c -> c.actionId(PROFILES_ACTION).options(options).initialOptions(options)))));
        if (model.shareable().size() > MAX_CHECKBOXES) {
            blocks.add(context(List.of(markdownText("Slack shows ten profiles at most; share to the others on the board."))));
        }

        for (StoryMessage message : messagesFor(story, offered).values()) {
            String network = message.network() == null ? "Network" : message.network();
            String text = message.message() == null ? "" : message.message();
            if (text.length() > MAX_INPUT) {
                blocks.add(section(s -> s.text(markdownText("*" + Mrkdwn.escape(network) + " message* (too long to edit here)\n"
                        + Mrkdwn.fit(text, 1000)))));
                continue;
            }
            blocks.add(input(i -> i.blockId(TEXT_BLOCK_PREFIX + StoryContent.networkKey(network))
                    .label(plainText(network + " message"))
                    .hint(plainText("Make it yours if you like; the story on the board stays as it is."))
                    .element(plainTextInput(p -> p.actionId(TEXT_ACTION).multiline(true).maxLength(MAX_INPUT).initialValue(text)))));
        }

        if (!model.unmatched().isEmpty()) {
            String others = model.unmatched().stream()
                    .map(p -> Mrkdwn.escape(profileLabel(p)))
                    .collect(Collectors.joining(", "));
            blocks.add(context(List.of(markdownText("Not offered, as this story has no message for their network: " + others))));
        }

        OptionObject now = option(plainText("Now"), WHEN_NOW);
        OptionObject later = option(plainText("At the date and time below"), WHEN_LATER);
        blocks.add(input(i -> i.blockId(WHEN_BLOCK)
                .label(plainText("When"))
                .element(radioButtons(r -> r.actionId(WHEN_ACTION).options(List.of(now, later)).initialOption(now)))));
        blocks.add(input(i -> i.blockId(DATE_BLOCK).optional(true)
                .label(plainText("Date"))
                .element(datePicker(d -> d.actionId(DATE_ACTION).initialDate(model.initialDate().toString())))));
        blocks.add(input(i -> i.blockId(TIME_BLOCK).optional(true)
                .label(plainText("Time (" + model.zone().getId() + ")"))
                .hint(plainText("Your Slack time zone."))
                .element(timePicker(t -> t.actionId(TIME_ACTION)
                        .initialTime(model.initialTime().format(DateTimeFormatter.ofPattern("HH:mm")))))));

        return view(v -> v.type("modal")
                .callbackId(SHARE_CALLBACK)
                .title(viewTitle(t -> t.type("plain_text").text("Share story")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Share")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .privateMetadata(model.metadata())
                .blocks(blocks));
    }

    static View suggestForm(SuggestFormModel model) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(context(List.of(markdownText(model.draftOnly() || model.workflows().isEmpty()
                ? "The story is saved as a draft on the board for its managers to review and publish."
                : "The story is saved as a draft, or sent to approval if you pick a workflow."))));
        blocks.add(input(i -> i.blockId(TITLE_BLOCK)
                .label(plainText("Title"))
                .element(plainTextInput(p -> {
                    p.actionId(TITLE_ACTION).maxLength(MAX_TITLE);
                    if (!model.title().isBlank()) {
                        p.initialValue(model.title());
                    }
                    return p;
                }))));
        blocks.add(input(i -> i.blockId(DESCRIPTION_BLOCK)
                .label(plainText("Description"))
                .element(plainTextInput(p -> {
                    p.actionId(DESCRIPTION_ACTION).multiline(true).maxLength(MAX_INPUT);
                    if (!model.description().isBlank()) {
                        p.initialValue(model.description());
                    }
                    return p;
                }))));
        blocks.add(input(i -> i.blockId(LINK_BLOCK).optional(true)
                .label(plainText("Link"))
                .element(urlTextInput(u -> {
                    u.actionId(LINK_ACTION);
                    if (model.link() != null) {
                        u.initialValue(model.link());
                    }
                    return u;
                }))));
        blocks.add(input(i -> i.blockId(CAMPAIGN_BLOCK)
                .label(plainText("Campaign"))
                .element(externalSelect(e -> e.actionId(CAMPAIGN_ACTION).minQueryLength(0)
                        .placeholder(plainText("Search campaigns"))))));
        if (model.boards().size() > 1) {
            List<OptionObject> boards = model.boards().stream().limit(MAX_SELECT_OPTIONS)
                    .map(b -> option(plainText(Mrkdwn.cut(b.name(), MAX_OPTION_TEXT)), b.id())).toList();
            blocks.add(input(i -> i.blockId(BOARD_BLOCK)
                    .label(plainText("Board"))
                    .element(staticSelect(s -> s.actionId(BOARD_ACTION).options(boards).initialOption(boards.get(0))))));
        }
        if (!model.draftOnly() && !model.workflows().isEmpty()) {
            List<OptionObject> workflows = model.workflows().stream().limit(MAX_SELECT_OPTIONS)
                    .map(w -> option(plainText(Mrkdwn.cut(w.name(), MAX_OPTION_TEXT)), w.id())).toList();
            blocks.add(input(i -> i.blockId(WORKFLOW_BLOCK).optional(true)
                    .label(plainText("Send to approval"))
                    .hint(plainText("Leave empty to save the story as a draft."))
                    .element(staticSelect(s -> s.actionId(WORKFLOW_ACTION).options(workflows)
                            .placeholder(plainText("No workflow: save as draft"))))));
        }
        return view(v -> v.type("modal")
                .callbackId(SUGGEST_CALLBACK)
                .title(viewTitle(t -> t.type("plain_text").text("Suggest as story")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Suggest")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .privateMetadata(model.metadata())
                .blocks(blocks));
    }

    static String profileLabel(Profile profile) {
        String network = profile.network() == null ? "Profile" : profile.network();
        String name = StringUtils.hasText(profile.name()) ? profile.name().strip()
                : StringUtils.hasText(profile.networkUsername()) ? profile.networkUsername().strip() : profile.id();
        return network + " · " + name;
    }

    private static OptionObject profileOption(Profile profile) {
        OptionObject option = option(plainText(Mrkdwn.cut(profileLabel(profile), MAX_OPTION_TEXT)), profile.id());
        if (StringUtils.hasText(profile.networkUsername())) {
            option.setDescription(plainText(Mrkdwn.cut("@" + profile.networkUsername().strip().replaceFirst("^@", ""), MAX_OPTION_TEXT)));
        }
        return option;
    }

    /** The story's message for each network among the profiles, in the profiles' order, one per network. */
    static Map<String, StoryMessage> messagesFor(Story story, List<Profile> profiles) {
        Map<String, StoryMessage> messages = new LinkedHashMap<>();
        for (Profile profile : profiles) {
            String key = StoryContent.networkKey(profile.network());
            if (!messages.containsKey(key)) {
                StoryContent.messageFor(story, profile.network()).ifPresent(m -> messages.put(key, m));
            }
        }
        return messages;
    }
}
