package com.oktoslack.approvals;

import com.oktoslack.people.DmMode;
import com.oktoslack.people.Preferences;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.model.block.LayoutBlock;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * Calm DMs: for an approver who wants them grouped (the default), a burst of new items is one DM, "7 new items
 * wait for you", updated in place while more arrive, with a button that opens the several-decisions form. A
 * lone item, with no burst under way, keeps its own DM card. The group stays open for {@code group-window}
 * after its last change; items arriving later start a new burst (or a card of their own).
 */
@Singleton
class GroupedDms {

    private static final Logger LOG = LoggerFactory.getLogger(GroupedDms.class);

    private final DmGroupRepository groups;
    private final Preferences preferences;
    private final MethodsClient slack;
    private final Clock clock;
    private final Duration window;

    GroupedDms(DmGroupRepository groups, Preferences preferences, MethodsClient slack, Clock clock,
               @Value("${okto.approvals.dm-group-window}") Duration window) {
        this.groups = groups;
        this.preferences = preferences;
        this.slack = slack;
        this.clock = clock;
        this.window = window;
    }

    /**
     * True when this due DM card (and every other due one for the same approver) is now counted in the group
     * DM instead of being posted; false when it should be posted as a card of its own.
     */
    boolean takes(ApprovalCard card) {
        String userId = card.destination();
        if (preferences.dmMode(userId) != DmMode.GROUPED) {
            return false;
        }
        Instant now = clock.instant();
        Optional<DmGroup> open = groups.findById(userId).filter(g -> g.updatedAt().isAfter(now.minus(window)));
        long due = groups.countDueCards(userId, now);
        if (due == 0 || (open.isEmpty() && due < 2)) {
            return false;
        }
        int count = (int) due + open.map(DmGroup::itemCount).orElse(0);
        try {
            Optional<DmGroup> shown = open.isPresent() ? update(open.get(), count, now) : post(userId, count, now);
            if (shown.isEmpty()) {
                return false;
            }
            int taken = groups.takeDueCards(userId, now);
            DmGroup group = shown.get();
            DmGroup counted = new DmGroup(userId, group.channelId(), group.ts(),
                    group.itemCount() - (int) due + taken, group.openedAt(), now);
            if (groups.existsById(userId)) {
                groups.update(counted);
            } else {
                groups.save(counted);
            }
            return true;
        } catch (IOException | SlackApiException e) {
            LOG.info("The grouped DM for {} could not be sent ({}); the cards go out one by one", userId, e.toString());
            return false;
        }
    }

    private Optional<DmGroup> post(String userId, int count, Instant now) throws IOException, SlackApiException {
        ChatPostMessageResponse response = slack.chatPostMessage(r -> r.channel(userId).text(text(count)).blocks(blocks(count)));
        if (!response.isOk()) {
            LOG.info("Slack refused the grouped DM for {}: {}", userId, response.getError());
            return Optional.empty();
        }
        return Optional.of(new DmGroup(userId, response.getChannel(), response.getTs(), count, now, now));
    }

    private Optional<DmGroup> update(DmGroup group, int count, Instant now) throws IOException, SlackApiException {
        ChatUpdateResponse response = slack.chatUpdate(r -> r.channel(group.channelId()).ts(group.ts())
                .text(text(count)).blocks(blocks(count)));
        if (!response.isOk()) {
            // Deleted, or too old to edit: a new message starts a new group.
            LOG.info("The grouped DM for {} could not be updated ({}); posting a new one", group.slackUserId(), response.getError());
            return post(group.slackUserId(), count - group.itemCount(), now);
        }
        return Optional.of(new DmGroup(group.slackUserId(), group.channelId(), group.ts(), count, group.openedAt(), now));
    }

    static String text(int count) {
        return count == 1 ? "1 new item waits for you" : count + " new items wait for you";
    }

    private static List<LayoutBlock> blocks(int count) {
        return List.of(
                section(s -> s.text(markdownText(":inbox_tray: *" + text(count) + "* to approve."))),
                actions(a -> a.blockId("approvals_dm_group").elements(List.of(button(b -> b
                        .actionId(ApprovalQueue.DECIDE_SEVERAL_ACTION).text(plainText("Review them")).style("primary")
                        .value("dm"))))));
    }
}
