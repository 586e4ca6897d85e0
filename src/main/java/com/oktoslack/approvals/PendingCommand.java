package com.oktoslack.approvals;

import com.oktoslack.oktopost.OktopostException;
import com.oktoslack.people.People;
import com.oktoslack.people.PersonLink;
import com.oktoslack.slack.AfterAck;
import com.oktoslack.slack.PrivateReplies;
import com.oktoslack.slack.OktoSubcommand;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * {@code /okto pending}: what waits for the caller's approval, privately, with the cards' buttons. Built from
 * stored state after one read of Oktopost's item list (skipped when it was read moments ago).
 */
@Singleton
class PendingCommand implements OktoSubcommand {

    private static final Logger LOG = LoggerFactory.getLogger(PendingCommand.class);

    private final People people;
    private final Reconciler reconciler;
    private final ApprovalItemRepository items;
    private final ApprovalStates states;
    private final AlreadyApproved alreadyApproved;
    private final AfterAck afterAck;

    PendingCommand(People people, Reconciler reconciler, ApprovalItemRepository items, ApprovalStates states,
                   AlreadyApproved alreadyApproved, AfterAck afterAck) {
        this.people = people;
        this.reconciler = reconciler;
        this.items = items;
        this.states = states;
        this.alreadyApproved = alreadyApproved;
        this.afterAck = afterAck;
    }

    @Override
    public String name() {
        return "pending";
    }

    @Override
    public String usage() {
        return "/okto pending";
    }

    @Override
    public String summary() {
        return "what waits for your approval, with Approve and Reject buttons";
    }

    @Override
    public Response handle(String args, SlashCommandRequest request, SlashCommandContext context) {
        String userId = request.getPayload().getUserId();
        afterAck.run(() -> context.respond(answer(userId)), PrivateReplies.Recipient.of(context));
        return context.ack();
    }

    private SlashCommandResponse answer(String userId) throws Exception {
        Optional<PersonLink> link = people.linkOrDiscover(userId);
        if (link.isEmpty() || !link.get().isOktopostUser()) {
            return text("I cannot find you among Oktopost's users by your Slack e-mail address, so I do not know what "
                    + "waits for you. Ask an Oktopost admin to invite you with that address, then run `/okto link`.");
        }
        String note = "";
        try {
            reconciler.refreshAllIfStale();
        } catch (OktopostException e) {
            LOG.info("Listing pending approvals from stored state; Oktopost did not answer: {}", e.toString());
            note = "\n_Oktopost did not answer just now, so this is what I knew a few minutes ago._";
        }
        String oktopostUserId = link.get().oktopostUserId();
        Set<String> approvedAlready = alreadyApproved.by(userId);
        List<CardState> mine = items.findPendingWithApproverLike("%," + oktopostUserId + ",%").stream()
                .filter(i -> i.hasApprover(oktopostUserId) && !approvedAlready.contains(i.entityId()))
                .map(states::state)
                .toList();
        return SlashCommandResponse.builder()
                .responseType("ephemeral")
                .text(ApprovalCards.pendingText(mine.size()) + note)
                .blocks(withDecideSeveral(ApprovalCards.pendingList(mine, note), mine.size()))
                .build();
    }

    private static List<LayoutBlock> withDecideSeveral(List<LayoutBlock> blocks, int waiting) {
        if (waiting < 2) {
            return blocks;
        }
        List<LayoutBlock> all = new ArrayList<>(blocks);
        all.add(actions(a -> a.blockId("pending:several").elements(List.of(button(b -> b
                .actionId(ApprovalQueue.DECIDE_SEVERAL_ACTION).text(plainText("Decide several")).value("pending"))))));
        return all;
    }

    private static SlashCommandResponse text(String text) {
        return SlashCommandResponse.builder().responseType("ephemeral").text(text).build();
    }
}
