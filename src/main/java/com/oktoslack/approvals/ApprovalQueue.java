package com.oktoslack.approvals;

import com.oktoslack.people.People;
import com.oktoslack.people.PersonLink;
import com.oktoslack.slack.Mrkdwn;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * What waits for a person and what of theirs is in review, from stored state alone (the same list as
 * {@code /okto pending}), rendered for their App Home and the several-decisions form. Buttons are the cards'
 * own, so a decision taken here goes the way of any other.
 */
@Singleton
public class ApprovalQueue {

    /** Opens the form that decides several items at once. */
    public static final String DECIDE_SEVERAL_ACTION = "approvals_decide_several";
    static final int PREVIEW = 120;

    /** Blocks for one part of the Home, the item ids they show, and how many there are in all. */
    public record Part(List<LayoutBlock> blocks, List<String> shownIds, int total) {
    }

    private final People people;
    private final ApprovalItemRepository items;
    private final ApprovalStates states;
    private final AlreadyApproved alreadyApproved;
    private final Reconciler reconciler;
    private final Clock clock;

    ApprovalQueue(People people, ApprovalItemRepository items, ApprovalStates states, AlreadyApproved alreadyApproved,
                  Reconciler reconciler, Clock clock) {
        this.people = people;
        this.items = items;
        this.states = states;
        this.alreadyApproved = alreadyApproved;
        this.reconciler = reconciler;
        this.clock = clock;
    }

    /** Reads Oktopost's open items unless that was done moments ago; Oktopost not answering keeps what is stored. */
    public void refreshIfStale() {
        reconciler.refreshAllIfStale();
    }

    /** Oldest first: the items waiting at a step where this Slack user is an approver who has not approved yet. */
    List<CardState> waitingFor(String slackUserId) {
        Optional<PersonLink> link = people.linkOf(slackUserId);
        if (link.isEmpty() || !link.get().isOktopostUser()) {
            return List.of();
        }
        return waitingFor(slackUserId, link.get().oktopostUserId());
    }

    List<CardState> waitingFor(String slackUserId, String oktopostUserId) {
        return waitingItems(slackUserId, oktopostUserId).stream().map(states::state).toList();
    }

    List<ApprovalItem> waitingItems(String slackUserId, String oktopostUserId) {
        Set<String> approvedAlready = alreadyApproved.by(slackUserId);
        return items.findPendingWithApproverLike("%," + oktopostUserId + ",%").stream()
                .filter(i -> i.hasApprover(oktopostUserId) && !approvedAlready.contains(i.entityId()))
                .toList();
    }

    /** One page of what waits, each entry with its age, step, network, a preview, Approve and Reject. */
    public Part waiting(String slackUserId, int page, int pageSize) {
        Optional<PersonLink> link = people.linkOf(slackUserId);
        List<ApprovalItem> all = link.isEmpty() || !link.get().isOktopostUser() ? List.of()
                : waitingItems(slackUserId, link.get().oktopostUserId());
        int from = Math.min(page * pageSize, all.size());
        List<ApprovalItem> shown = all.subList(from, Math.min(from + pageSize, all.size()));
        Instant now = clock.instant();
        List<LayoutBlock> blocks = new ArrayList<>();
        for (ApprovalItem item : shown) {
            CardState state = states.state(item);
            String blockId = "home:" + state.entityId() + ":" + state.round();
            blocks.add(section(s -> s.blockId(blockId + ":text").text(markdownText(entry(state, item.createdAt(), now)))));
            blocks.add(decisionButtons(blockId + ":actions", state.entityId(), state.round(), state.ref().stepId()));
        }
        return new Part(blocks, shown.stream().map(ApprovalItem::entityId).toList(), all.size());
    }

    /** The person's own items still in review, and the step each waits at. */
    public Part inReview(String slackUserId, int max) {
        Optional<PersonLink> link = people.linkOf(slackUserId);
        if (link.isEmpty() || !link.get().isOktopostUser()) {
            return new Part(List.of(), List.of(), 0);
        }
        String authorId = link.get().oktopostUserId();
        List<ApprovalItem> mine = items.findByStatus(ApprovalItem.PENDING).stream()
                .filter(i -> authorId.equals(i.authorId()))
                .sorted(java.util.Comparator.comparing(ApprovalItem::createdAt))
                .toList();
        StringBuilder text = new StringBuilder();
        Instant now = clock.instant();
        List<String> shown = new ArrayList<>();
        for (ApprovalItem item : mine.subList(0, Math.min(max, mine.size()))) {
            CardState state = states.state(item);
            shown.add(item.entityId());
            text.append("• *").append(Mrkdwn.escape(state.content().what())).append("* · ")
                    .append(Mrkdwn.escape(state.step().workflowName())).append(", waits at ")
                    .append(Mrkdwn.escape(state.step().label())).append(" · ").append(age(item.createdAt(), now))
                    .append(preview(state.content()).isEmpty() ? "" : "\n   " + preview(state.content())).append('\n');
        }
        if (mine.size() > shown.size()) {
            text.append("…and ").append(mine.size() - shown.size()).append(" more.");
        }
        List<LayoutBlock> blocks = mine.isEmpty() ? List.of()
                : List.of(section(s -> s.text(markdownText(Mrkdwn.fit(text.toString(), ApprovalCards.SECTION_TEXT_LIMIT)))));
        return new Part(blocks, shown, mine.size());
    }

    /** The people (Oktopost user ids) whose Home an item appears on. */
    static Set<String> concerned(ApprovalItem item) {
        Set<String> ids = new java.util.LinkedHashSet<>();
        for (String id : item.approverIds().split(",")) {
            if (!id.isBlank()) {
                ids.add(id);
            }
        }
        if (item.authorId() != null) {
            ids.add(item.authorId());
        }
        return ids;
    }

    /**
     * Approve and Reject for an item at its step, outside its card (the Home, a reminder): the cards' own
     * actions, so a click is checked, stored and decided as on the card.
     */
    public static LayoutBlock decisionButtons(String blockId, String entityId, int round, String stepId) {
        String value = new CardRef(entityId, round, stepId).toJson();
        List<BlockElement> buttons = List.of(
                button(b -> b.actionId(ApprovalCards.APPROVE_ACTION).text(plainText("Approve")).style("primary").value(value)),
                button(b -> b.actionId(ApprovalCards.REJECT_ACTION).text(plainText("Reject")).style("danger").value(value)));
        return actions(a -> a.blockId(blockId).elements(buttons));
    }

    /** A small line of context when nothing is to be shown. */
    public static LayoutBlock quiet(String text) {
        return context(List.of(markdownText(text)));
    }

    static String entry(CardState state, Instant since, Instant now) {
        CardContent content = state.content();
        String heading = "*" + Mrkdwn.escape(content.what()) + "* · " + age(since, now) + " · "
                + Mrkdwn.escape(state.step().workflowName()) + ", " + Mrkdwn.escape(state.step().label());
        String preview = preview(content);
        return preview.isEmpty() ? heading : heading + "\n" + preview;
    }

    static String preview(CardContent content) {
        if (content.unavailable() != null) {
            return "_" + Mrkdwn.escape(content.unavailable()) + "_";
        }
        return Mrkdwn.escape(Mrkdwn.snippet(content.text(), PREVIEW));
    }

    /** "5 min", "3 h", "2 d". */
    static String age(Instant since, Instant now) {
        Duration waited = Duration.between(since, now);
        if (waited.toMinutes() < 60) {
            return Math.max(0, waited.toMinutes()) + " min";
        }
        return waited.toHours() < 48 ? waited.toHours() + " h" : waited.toDays() + " d";
    }
}
