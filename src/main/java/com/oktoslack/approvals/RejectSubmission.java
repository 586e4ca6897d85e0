package com.oktoslack.approvals;

import com.oktoslack.slack.FormValues;
import com.oktoslack.slack.PrivateReplies;
import com.oktoslack.slack.SlackListener;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;

/**
 * The reject form's submit. Checked while Slack waits: a missing note, or a person who may no longer reject,
 * is shown next to the note field and nothing is done. Otherwise the decision is stored with the note, the
 * form closes, and Oktopost is told after the ack; if Oktopost refuses, the person is told privately with
 * their note quoted, so nothing they wrote is lost.
 */
@Singleton
class RejectSubmission implements SlackListener {

    private final ClickCheck check;
    private final ApprovalDecisionRunner runner;
    private final PrivateReplies replies;

    RejectSubmission(ClickCheck check, ApprovalDecisionRunner runner, PrivateReplies replies) {
        this.check = check;
        this.runner = runner;
        this.replies = replies;
    }

    @Override
    public void register(App app) {
        app.viewSubmission(ApprovalCards.REJECT_CALLBACK, this::submitted);
    }

    private Response submitted(ViewSubmissionRequest request, ViewSubmissionContext context) {
        View view = request.getPayload().getView();
        String userId = request.getPayload().getUser().getId();
        Optional<RejectMetadata> metadata = RejectMetadata.parse(view.getPrivateMetadata());
        if (metadata.isEmpty()) {
            return context.ackWithErrors(Map.of(ApprovalCards.NOTE_BLOCK,
                    "This form is out of date. Close it and press Reject on the card again."));
        }
        String note = note(view);
        if (note.isBlank()) {
            return context.ackWithErrors(Map.of(ApprovalCards.NOTE_BLOCK, "Say what needs to change; the author sees this note."));
        }
        String channelId = metadata.get().channelId();
        ClickCheck.Verdict verdict = check.claim(userId, metadata.get().ref(),
                ApprovalDecisionRunner.Request.rejection(note, channelId));
        if (verdict instanceof ClickCheck.Refused refused) {
            return context.ackWithErrors(Map.of(ApprovalCards.NOTE_BLOCK, refused.message()));
        }
        runner.carryOut(((ClickCheck.Allowed) verdict).intent(), text -> replies.tell(new PrivateReplies.Recipient(userId, null, channelId), text));
        return context.ack();
    }

    private static String note(View view) {
        return FormValues.of(view).text(ApprovalCards.NOTE_BLOCK, ApprovalCards.NOTE_ACTION);
    }
}
