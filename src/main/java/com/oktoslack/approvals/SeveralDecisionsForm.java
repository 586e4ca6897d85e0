package com.oktoslack.approvals;

import com.oktoslack.slack.BlockKitLimits;
import com.oktoslack.slack.Mrkdwn;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.radioButtons;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * The form that decides several waiting items at once: the items as checkboxes (Slack takes 10 options per
 * checkbox group, so 100 items make 10 groups), Approve or Reject, and one note (required for Reject). Each
 * option's value is the item's {@link CardRef}, as on a card's buttons.
 */
final class SeveralDecisionsForm {

    static final String CALLBACK = "approvals_several";
    static final String ITEMS_BLOCK = "approvals_several_items_";
    static final String ITEMS_ACTION = "approvals_several_pick";
    static final String CHOICE_BLOCK = "approvals_several_choice";
    static final String CHOICE_ACTION = "approvals_several_choice_input";
    static final String NOTE_BLOCK = "approvals_several_note";
    static final String NOTE_ACTION = "approvals_several_note_input";
    static final String APPROVE = "approve";
    static final String REJECT = "reject";
    static final int MAX_ITEMS = 100;
    static final int PER_GROUP = BlockKitLimits.CHECKBOXES;
    static final int GROUPS = MAX_ITEMS / PER_GROUP;
    private static final int OPTION_TEXT = BlockKitLimits.OPTION_TEXT;

    private SeveralDecisionsForm() {
    }

    /** {@code items} oldest first with the times they wait since; {@code total} how many wait in all. */
    static View form(List<CardState> items, List<Instant> since, Instant now, int total) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String intro = total > items.size()
                ? "*" + total + " items* wait for you; here are the " + items.size() + " oldest. Tick those to decide on."
                : "Tick the items to decide on. Each is decided in Oktopost on its own, at the step shown.";
        blocks.add(section(s -> s.text(markdownText(intro))));
        for (int group = 0; group * PER_GROUP < items.size(); group++) {
            int from = group * PER_GROUP;
            int to = Math.min(from + PER_GROUP, items.size());
            List<OptionObject> options = new ArrayList<>();
            for (int i = from; i < to; i++) {
                CardState state = items.get(i);
                String label = state.content().what() + " · " + ApprovalQueue.age(since.get(i), now) + " · " + state.step().label();
                String preview = Mrkdwn.snippet(state.content().text(), OPTION_TEXT);
                OptionObject choice = option(plainText(Mrkdwn.cut(label, OPTION_TEXT)), state.ref().toJson());
                if (!preview.isEmpty()) {
                    choice.setDescription(plainText(preview));
                }
                options.add(choice);
            }
            String label = items.size() <= PER_GROUP ? "Items" : "Items " + (from + 1) + "–" + to;
            String blockId = ITEMS_BLOCK + group;
            blocks.add(input(in -> in.blockId(blockId).optional(true).label(plainText(label))
                    .element(checkboxes(c -> c.actionId(ITEMS_ACTION).options(options)))));
        }
        OptionObject approve = option(plainText("Approve"), APPROVE);
        blocks.add(input(in -> in.blockId(CHOICE_BLOCK).label(plainText("Decision"))
                .element(radioButtons(r -> r.actionId(CHOICE_ACTION).initialOption(approve)
                        .options(List.of(approve, option(plainText("Reject"), REJECT)))))));
        blocks.add(input(in -> in.blockId(NOTE_BLOCK).optional(true).label(plainText("Note (required for Reject)"))
                .element(plainTextInput(p -> p.actionId(NOTE_ACTION).multiline(true)
                        .maxLength(ApprovalCards.NOTE_MAX_LENGTH)))));
        return view(v -> v.type("modal").callbackId(CALLBACK)
                .title(viewTitle(t -> t.type("plain_text").text("Decide several")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Decide")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    /** What the form turns into while the decisions go out. */
    static View progress(boolean approve, int done, int total) {
        String verb = approve ? "Approving" : "Rejecting";
        String text = done >= total
                ? ":white_check_mark: All " + total + " done. I sent you a message with what was decided."
                : ":hourglass_flowing_sand: " + verb + " " + total + " item(s): " + done + " done. You can close this; "
                + "I will send you a message when they are all through.";
        return view(v -> v.type("modal").callbackId(CALLBACK)
                .title(viewTitle(t -> t.type("plain_text").text(Mrkdwn.cut("Decide several", BlockKitLimits.MODAL_TITLE))))
                .close(viewClose(c -> c.type("plain_text").text("Close")))
                .blocks(List.of(section(s -> s.text(markdownText(text))))));
    }
}
