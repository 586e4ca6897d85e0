package com.oktoslack.approvals;

import com.oktoslack.slack.AfterAck;
import com.oktoslack.slack.PrivateReplies;
import com.oktoslack.slack.SlackListener;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Approve, in one click. The check and the stored decision read and write only the database, so the ack goes
 * back at once; the Oktopost call and the card updates follow after it. A person who may not approve is told
 * why, privately, and Oktopost is not called.
 */
@Singleton
class ApproveButton implements SlackListener {

    private final ClickCheck check;
    private final ApprovalDecisionRunner runner;
    private final PrivateReplies replies;
    private final AfterAck afterAck;
    private final LinkOnRefusal linking;

    ApproveButton(ClickCheck check, ApprovalDecisionRunner runner, PrivateReplies replies, AfterAck afterAck,
                  LinkOnRefusal linking) {
        this.check = check;
        this.runner = runner;
        this.replies = replies;
        this.afterAck = afterAck;
        this.linking = linking;
    }

    @Override
    public void register(App app) {
        app.blockAction(ApprovalCards.APPROVE_ACTION, this::clicked);
    }

    private Response clicked(BlockActionRequest request, ActionContext context) {
        BlockActionPayload payload = request.getPayload();
        String userId = payload.getUser().getId();
        PrivateReplies.Recipient clicker = PrivateReplies.Recipient.of(payload);
        Optional<CardRef> ref = payload.getActions().stream().findFirst().flatMap(a -> CardRef.parse(a.getValue()));
        if (ref.isEmpty()) {
            afterAck.tell(clicker, () -> "This button carries no item; it is from an older card.");
            return context.ack();
        }
        boolean fromEphemeral = payload.getContainer() != null && payload.getContainer().isEphemeral();
        String channelId = payload.getChannel() != null ? payload.getChannel().getId()
                : payload.getContainer() == null ? null : payload.getContainer().getChannelId();
        ClickCheck.Verdict verdict = check.claim(userId, ref.get(),
                ApprovalDecisionRunner.Request.approval(channelId, fromEphemeral));
        if (verdict instanceof ClickCheck.Refused refused) {
            afterAck.tell(clicker, () -> linking.answer(userId, refused, "Approve"));
            return context.ack();
        }
        runner.carryOut(((ClickCheck.Allowed) verdict).intent(), text -> replies.tell(clicker, text));
        return context.ack();
    }
}
