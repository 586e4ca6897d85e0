package com.oktoslack.approvals;

import com.oktoslack.slack.AfterAck;
import com.oktoslack.slack.Modals;
import com.oktoslack.slack.PrivateReplies;
import com.oktoslack.slack.SlackListener;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.Optional;

/**
 * Reject opens a form for the note, right away since the trigger is only good for 3 seconds. Whether the
 * person may reject is checked first (stored state only); the decision itself is stored when the form is sent.
 */
@Singleton
class RejectButton implements SlackListener {

    private final ClickCheck check;
    private final ApprovalStates states;
    private final AfterAck afterAck;
    private final Modals modals;
    private final LinkOnRefusal linking;

    RejectButton(ClickCheck check, ApprovalStates states, AfterAck afterAck, Modals modals, LinkOnRefusal linking) {
        this.check = check;
        this.states = states;
        this.afterAck = afterAck;
        this.modals = modals;
        this.linking = linking;
    }

    @Override
    public void register(App app) {
        app.blockAction(ApprovalCards.REJECT_ACTION, this::clicked);
    }

    private Response clicked(BlockActionRequest request, ActionContext context) {
        BlockActionPayload payload = request.getPayload();
        String userId = payload.getUser().getId();
        Optional<CardRef> ref = payload.getActions().stream().findFirst().flatMap(a -> CardRef.parse(a.getValue()));
        if (ref.isEmpty()) {
            return tellAfterAck(payload, context, "This button carries no item; it is from an older card.");
        }
        ClickCheck.Verdict verdict = check.check(userId, ref.get());
        if (verdict instanceof ClickCheck.Refused refused) {
            afterAck.tell(PrivateReplies.Recipient.of(payload), () -> linking.answer(userId, refused, "Reject"));
            return context.ack();
        }
        ApprovalItem item = ((ClickCheck.Allowed) verdict).item();
        String channelId = payload.getChannel() != null ? payload.getChannel().getId()
                : payload.getContainer() == null ? null : payload.getContainer().getChannelId();
        RejectMetadata metadata = new RejectMetadata(ref.get(), channelId);
        try {
            modals.openOrTell(payload.getTriggerId(), ApprovalCards.rejectModal(states.state(item), metadata.toJson()),
                    PrivateReplies.Recipient.of(payload), "press *Reject* again.");
        } catch (IOException | SlackApiException e) {
            return tellAfterAck(payload, context, Modals.notOpened("press *Reject* again."));
        }
        return context.ack();
    }

    private Response tellAfterAck(BlockActionPayload payload, ActionContext context, String text) {
        afterAck.tell(PrivateReplies.Recipient.of(payload), () -> text);
        return context.ack();
    }
}
