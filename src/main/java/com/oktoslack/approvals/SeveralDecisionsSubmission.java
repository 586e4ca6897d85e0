package com.oktoslack.approvals;

import com.oktoslack.slack.AfterAck;
import com.oktoslack.slack.FormValues;
import com.oktoslack.slack.SlackListener;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The several-decisions form's submit. Checked while Slack waits: nothing ticked, or Reject without a note, is
 * shown next to its field. Then each ticked item is claimed as a click on its card would be (so no one else
 * decides on it meanwhile, and a person who may not decide on it is refused for that item alone), the form
 * turns into a progress view, and the decisions go out one after another after the ack.
 */
@Singleton
class SeveralDecisionsSubmission implements SlackListener {

    private static final Logger LOG = LoggerFactory.getLogger(SeveralDecisionsSubmission.class);

    private final ClickCheck check;
    private final ApprovalStates states;
    private final SeveralDecisions decisions;
    private final AfterAck afterAck;

    SeveralDecisionsSubmission(ClickCheck check, ApprovalStates states, SeveralDecisions decisions, AfterAck afterAck) {
        this.check = check;
        this.states = states;
        this.decisions = decisions;
        this.afterAck = afterAck;
    }

    @Override
    public void register(App app) {
        app.viewSubmission(SeveralDecisionsForm.CALLBACK, this::submitted);
    }

    private Response submitted(ViewSubmissionRequest request, ViewSubmissionContext context) {
        View view = request.getPayload().getView();
        String userId = request.getPayload().getUser().getId();
        FormValues form = FormValues.of(view);
        Set<CardRef> picked = new LinkedHashSet<>();
        for (int group = 0; group < SeveralDecisionsForm.GROUPS; group++) {
            form.selectedAll(SeveralDecisionsForm.ITEMS_BLOCK + group, SeveralDecisionsForm.ITEMS_ACTION)
                    .forEach(option -> CardRef.parse(option.getValue()).ifPresent(picked::add));
        }
        if (picked.isEmpty()) {
            return context.ackWithErrors(Map.of(SeveralDecisionsForm.ITEMS_BLOCK + 0, "Tick at least one item."));
        }
        boolean approve = !form.selected(SeveralDecisionsForm.CHOICE_BLOCK, SeveralDecisionsForm.CHOICE_ACTION)
                .map(o -> SeveralDecisionsForm.REJECT.equals(o.getValue())).orElse(false);
        String note = form.text(SeveralDecisionsForm.NOTE_BLOCK, SeveralDecisionsForm.NOTE_ACTION);
        if (!approve && note.isBlank()) {
            return context.ackWithErrors(Map.of(SeveralDecisionsForm.NOTE_BLOCK,
                    "Say what needs to change; the authors see this note."));
        }
        ApprovalDecisionRunner.Request ask = approve ? ApprovalDecisionRunner.Request.approval(null, false)
                : ApprovalDecisionRunner.Request.rejection(note, null);
        List<SeveralDecisions.Claimed> claimed = new ArrayList<>();
        List<SeveralDecisions.Outcome> refused = new ArrayList<>();
        for (CardRef ref : picked) {
            ClickCheck.Verdict verdict = check.claim(userId, ref, ask);
            if (verdict instanceof ClickCheck.Allowed allowed) {
                claimed.add(new SeveralDecisions.Claimed(allowed.intent(), decisions.label(allowed.item())));
            } else {
                String label = states.item(ref.entityId()).map(decisions::label).orElse("an item");
                refused.add(new SeveralDecisions.Outcome(label, false, ((ClickCheck.Refused) verdict).message()));
            }
        }
        String viewId = view.getId();
        afterAck.run(() -> decisions.carryOut(userId, viewId, approve, claimed, refused),
                message -> LOG.warn("Several decisions of {} stopped: {}", userId, message));
        return context.ackWithUpdate(SeveralDecisionsForm.progress(approve, 0, claimed.size() + refused.size()));
    }
}
