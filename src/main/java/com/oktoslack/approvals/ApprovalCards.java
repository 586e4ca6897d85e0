package com.oktoslack.approvals;

import com.oktoslack.slack.BlockKitLimits;
import com.oktoslack.slack.Mrkdwn;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import io.micronaut.core.util.StringUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.image;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/** Every approval card is a render of its {@link CardState}; so are the pending list and the reject modal. */
final class ApprovalCards {

    static final String APPROVE_ACTION = "approvals_approve";
    static final String REJECT_ACTION = "approvals_reject";
    static final String OPEN_ACTION = "approvals_open";
    static final String REJECT_CALLBACK = "approvals_reject_modal";
    static final String NOTE_BLOCK = "approvals_note";
    static final String NOTE_ACTION = "approvals_note_input";

    /** Block Kit's limits: section text, header text, a section field, a context element. */
    static final int SECTION_TEXT_LIMIT = BlockKitLimits.SECTION_TEXT;
    static final int HEADER_LIMIT = BlockKitLimits.HEADER_TEXT;
    static final int FIELD_LIMIT = BlockKitLimits.SECTION_FIELD;
    static final int NOTE_LIMIT = 500;
    static final int LIST_TEXT_LIMIT = 300;
    /** Items in the {@code /okto pending} list, within the {@link BlockKitLimits#MESSAGE_BLOCKS} blocks a message may have. */
    static final int LIST_MAX_ITEMS = 15;
    static final int NOTE_MAX_LENGTH = 1000;

    private ApprovalCards() {
    }

    static List<LayoutBlock> card(CardState state) {
        CardContent content = state.content();
        String blockId = "approval:" + state.entityId() + ":" + state.round();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.blockId(blockId + ":header").text(plainText(Mrkdwn.cut(headline(state), HEADER_LIMIT), true))));
        blocks.add(body(blockId, content, SECTION_TEXT_LIMIT));
        blocks.add(section(s -> s.blockId(blockId + ":facts").fields(facts(state))));
        if (Mrkdwn.isWebUrl(content.linkUrl())) {
            String title = StringUtils.hasText(content.linkTitle()) ? content.linkTitle() : content.linkUrl();
            blocks.add(context(c -> c.blockId(blockId + ":link").elements(List.of(
                    markdownText(":link: " + Mrkdwn.link(content.linkUrl(), Mrkdwn.cut(title, 300)))))));
        }
        if (state.isPending()) {
            blocks.add(context(c -> c.blockId(blockId + ":step").elements(List.of(markdownText(waiting(state.step()))))));
        }
        if (!state.decisions().isEmpty()) {
            List<ContextBlockElement> lines = new ArrayList<>();
            // A context block holds at most 10 elements: the latest decisions matter most.
            List<ApprovalDecision> decisions = state.decisions();
            decisions.subList(Math.max(0, decisions.size() - 10), decisions.size())
                    .forEach(d -> lines.add(markdownText(Mrkdwn.cut(decision(d), FIELD_LIMIT))));
            blocks.add(context(c -> c.blockId(blockId + ":history").elements(lines)));
        }
        List<BlockElement> buttons = buttons(state);
        if (!buttons.isEmpty()) {
            blocks.add(actions(a -> a.blockId(blockId + ":actions").elements(buttons)));
        }
        return blocks;
    }

    /** The notification text, also what Slack shows where blocks cannot be. */
    static String text(CardState state) {
        CardContent content = state.content();
        String author = StringUtils.hasText(content.authorName()) ? " by " + content.authorName() : "";
        String what = Mrkdwn.escape(capitalised(content.what()) + author);
        return switch (state.status()) {
            case ApprovalItem.APPROVED -> what + " was approved";
            case ApprovalItem.REJECTED -> what + " was rejected";
            case ApprovalItem.REMOVED -> what + " was removed from approval";
            default -> what + " waits for approval (" + Mrkdwn.escape(state.step().label()) + ")";
        };
    }

    /** {@code /okto pending}: the caller's items, each with the card's buttons. */
    static List<LayoutBlock> pendingList(List<CardState> items, String note) {
        List<LayoutBlock> blocks = new ArrayList<>();
        int count = items.size();
        blocks.add(section(s -> s.text(markdownText((count == 0 ? "Nothing waits for your approval."
                : count == 1 ? "*1 item* waits for your approval:" : "*" + count + " items* wait for your approval:") + note))));
        for (CardState state : items.subList(0, Math.min(count, LIST_MAX_ITEMS))) {
            String blockId = "pending:" + state.entityId() + ":" + state.round();
            CardContent content = state.content();
            String author = StringUtils.hasText(content.authorName()) ? " by " + Mrkdwn.escape(content.authorName()) : "";
            String scheduled = content.scheduledAt() == null ? "" : " · goes out " + Mrkdwn.when(content.scheduledAt());
            String heading = "*" + Mrkdwn.escape(capitalised(content.what())) + "*" + author + " · "
                    + Mrkdwn.escape(state.step().workflowName()) + ", " + Mrkdwn.escape(state.step().label()) + scheduled;
            String text = content.unavailable() != null ? unavailableText(content)
                    : Mrkdwn.fit(content.text(), LIST_TEXT_LIMIT);
            blocks.add(section(s -> s.blockId(blockId + ":text").text(markdownText(text.isEmpty() ? heading : heading + "\n" + text))));
            blocks.add(actions(a -> a.blockId(blockId + ":actions").elements(buttons(state))));
            blocks.add(divider());
        }
        if (count > LIST_MAX_ITEMS) {
            int more = count - LIST_MAX_ITEMS;
            blocks.add(context(List.of(markdownText("…and " + more + " more; decide on these first, then ask again."))));
        }
        return blocks;
    }

    static String pendingText(int count) {
        return count == 0 ? "Nothing waits for your approval." : count + " item(s) wait for your approval";
    }

    static View rejectModal(CardState state, String privateMetadata) {
        CardContent content = state.content();
        String author = StringUtils.hasText(content.authorName()) ? " by " + Mrkdwn.escape(content.authorName()) : "";
        String summary = "Rejecting the *" + Mrkdwn.escape(content.what()) + "*" + author + " at "
                + Mrkdwn.escape(state.step().label()) + ". The author sees your note in Oktopost.";
        return view(v -> v.type("modal")
                .callbackId(REJECT_CALLBACK)
                .privateMetadata(privateMetadata)
                .title(viewTitle(t -> t.type("plain_text").text("Reject")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Reject")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        section(s -> s.text(markdownText(summary))),
                        input(i -> i.blockId(NOTE_BLOCK)
                                .label(plainText("What needs to change?"))
                                .element(plainTextInput(p -> p.actionId(NOTE_ACTION).multiline(true)
                                        .maxLength(NOTE_MAX_LENGTH)))))));
    }

    /** The reply in the channel card's thread once an item is through. */
    static String authorNotice(CardState state, String authorSlackId) {
        ApprovalDecision last = state.decisions().isEmpty() ? null : state.decisions().get(state.decisions().size() - 1);
        String by = last == null ? "" : " " + who(last);
        String what = "your " + Mrkdwn.escape(state.content().what());
        return switch (state.status()) {
            case ApprovalItem.APPROVED -> "<@" + authorSlackId + "> " + what + " was approved" + by + ". :white_check_mark:";
            case ApprovalItem.REJECTED -> "<@" + authorSlackId + "> " + what + " was rejected" + by
                    + (last != null && StringUtils.hasText(last.note()) ? ":\n" + quoteNote(last.note()) : ".");
            default -> "<@" + authorSlackId + "> " + what + " was removed from approval.";
        };
    }

    // ----

    private static String headline(CardState state) {
        String what = capitalised(state.content().what());
        return switch (state.status()) {
            case ApprovalItem.APPROVED -> ":white_check_mark: Approved: " + what;
            case ApprovalItem.REJECTED -> ":x: Rejected: " + what;
            case ApprovalItem.REMOVED -> ":wastebasket: Removed from approval: " + what;
            default -> ":hourglass_flowing_sand: Waiting for approval: " + what;
        };
    }

    private static LayoutBlock body(String blockId, CardContent content, int limit) {
        String fitted = Mrkdwn.fit(content.text(), limit);
        String text = content.unavailable() != null ? unavailableText(content) : fitted.isEmpty() ? "_(no text)_" : fitted;
        return section(s -> {
            s.blockId(blockId + ":text").text(markdownText(text));
            if (Mrkdwn.isWebUrl(content.imageUrl())) {
                s.accessory(image(i -> i.imageUrl(content.imageUrl()).altText("Attached image")));
            }
            return s;
        });
    }

    /** Said only when Oktopost said so, with its reason. */
    private static String unavailableText(CardContent content) {
        return "_The " + Mrkdwn.escape(content.kind()) + "'s content is unavailable: " + Mrkdwn.escape(content.unavailable())
                + "._";
    }

    private static List<TextObject> facts(CardState state) {
        CardContent content = state.content();
        List<TextObject> fields = new ArrayList<>();
        if (!"story".equals(content.kind())) {
            fields.add(field("Network", StringUtils.hasText(content.network()) ? Mrkdwn.escape(content.network()) : "—"));
        }
        if (StringUtils.hasText(content.profile())) {
            fields.add(field("Profile", Mrkdwn.escape(content.profile())));
        }
        if (StringUtils.hasText(content.campaign())) {
            fields.add(field("Campaign", Mrkdwn.escape(content.campaign())));
        }
        if (StringUtils.hasText(content.authorName())) {
            fields.add(field("Author", Mrkdwn.escape(content.authorName())));
        }
        fields.add(field("Scheduled", content.scheduledAt() == null ? "Not scheduled yet" : Mrkdwn.when(content.scheduledAt())));
        fields.add(field("Workflow", Mrkdwn.escape(state.step().workflowName()) + "\n" + Mrkdwn.escape(capitalised(state.step().label()))));
        return fields;
    }

    private static TextObject field(String name, String value) {
        return markdownText(Mrkdwn.cut("*" + name + "*\n" + value, FIELD_LIMIT));
    }

    private static String waiting(StepInfo step) {
        String approvers = step.approvers().isEmpty() ? "no approvers in Oktopost"
                : step.approvers().stream().map(a -> Mrkdwn.escape(a.name())).collect(Collectors.joining(", "));
        String rule = step.approvers().size() > 1 ? (step.everyone() ? " (all of them)" : " (any one of them)") : "";
        return Mrkdwn.cut(":bust_in_silhouette: Waiting at *" + Mrkdwn.escape(capitalised(step.label())) + "* for "
                + approvers + rule, FIELD_LIMIT);
    }

    private static String decision(ApprovalDecision d) {
        String when = Mrkdwn.when(d.decidedAt());
        String step = Mrkdwn.escape(capitalised(d.stepLabel()));
        String line = switch (d.outcome()) {
            case ApprovalItem.APPROVED -> ":white_check_mark: " + step + " approved " + who(d) + " · " + when;
            case ApprovalItem.REJECTED -> ":x: " + step + " rejected " + who(d) + " · " + when;
            default -> ":wastebasket: Removed from the workflow in Oktopost at " + step + " · " + when;
        };
        return StringUtils.hasText(d.note()) ? line + "\n" + quoteNote(d.note()) : line;
    }

    private static String who(ApprovalDecision d) {
        if (d.slackUserId() != null) {
            return "by <@" + d.slackUserId() + ">" + (ApprovalDecision.SLACK.equals(d.source()) ? "" : " in Oktopost");
        }
        return StringUtils.hasText(d.byName()) ? "by " + Mrkdwn.escape(d.byName()) + " in Oktopost" : "in Oktopost";
    }

    private static String quoteNote(String note) {
        return "> " + Mrkdwn.fit(note, NOTE_LIMIT).replace("\n", "\n> ");
    }

    private static List<BlockElement> buttons(CardState state) {
        List<BlockElement> buttons = new ArrayList<>();
        if (state.isPending()) {
            String value = state.ref().toJson();
            buttons.add(button(b -> b.actionId(APPROVE_ACTION).text(plainText("Approve")).style("primary").value(value)));
            buttons.add(button(b -> b.actionId(REJECT_ACTION).text(plainText("Reject")).style("danger").value(value)));
        }
        String url = state.content().openUrl();
        if (Mrkdwn.isWebUrl(url)) {
            buttons.add(button(b -> b.actionId(OPEN_ACTION).text(plainText("Open in Oktopost")).url(url)));
        }
        return buttons;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
