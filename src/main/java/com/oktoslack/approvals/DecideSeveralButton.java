package com.oktoslack.approvals;

import com.oktoslack.people.People;
import com.oktoslack.people.PersonLink;
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
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * "Decide several" (on the App Home, in {@code /okto pending}, on a grouped DM): opens the form with what waits
 * for the person, read from stored state so it opens within the trigger's 3 seconds.
 */
@Singleton
class DecideSeveralButton implements SlackListener {

    private final People people;
    private final ApprovalQueue queue;
    private final ApprovalStates states;
    private final Modals modals;
    private final Clock clock;

    DecideSeveralButton(People people, ApprovalQueue queue, ApprovalStates states,
                        Modals modals, Clock clock) {
        this.people = people;
        this.queue = queue;
        this.states = states;
        this.modals = modals;
        this.clock = clock;
    }

    @Override
    public void register(App app) {
        app.blockAction(ApprovalQueue.DECIDE_SEVERAL_ACTION, this::clicked);
    }

    private Response clicked(BlockActionRequest request, ActionContext context) throws IOException, SlackApiException {
        BlockActionPayload payload = request.getPayload();
        String userId = payload.getUser().getId();
        Optional<PersonLink> link = people.linkOf(userId);
        PrivateReplies.Recipient to = PrivateReplies.Recipient.of(payload);
        if (link.isEmpty() || !link.get().isOktopostUser()) {
            modals.openOrTell(payload.getTriggerId(), Modals.notice("Decide several",
                    "Deciding on approvals needs your Slack user linked to an Oktopost user: run `/okto link`."),
                    to, "run `/okto link` first.");
            return context.ack();
        }
        List<ApprovalItem> waiting = queue.waitingItems(userId, link.get().oktopostUserId());
        if (waiting.isEmpty()) {
            modals.openOrTell(payload.getTriggerId(), Modals.notice("Decide several", "Nothing waits for your approval."),
                    to, "press *Decide several* again.");
            return context.ack();
        }
        List<ApprovalItem> shown = waiting.subList(0, Math.min(SeveralDecisionsForm.MAX_ITEMS, waiting.size()));
        List<CardState> shownStates = shown.stream().map(states::state).toList();
        List<Instant> since = shown.stream().map(ApprovalItem::createdAt).toList();
        modals.openOrTell(payload.getTriggerId(), SeveralDecisionsForm.form(shownStates, since, clock.instant(),
                waiting.size()), to, "press *Decide several* again.");
        return context.ack();
    }
}
