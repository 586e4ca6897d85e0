package com.oktoslack.stories;

import com.oktoslack.slack.AfterAck;
import com.oktoslack.slack.Modals;
import com.oktoslack.slack.PrivateReplies;
import com.oktoslack.slack.SlackListener;
import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.Optional;

/**
 * "Suggest as story" on a Slack message: the modal opens at once with a loading view and is filled once the
 * person and the account's boards, workflows and campaigns are known. Campaigns are searched as they type
 * ({@link com.oktoslack.campaigns.CampaignOptions}).
 */
@Singleton
class SuggestShortcut implements SlackListener {

    private final SuggestModal suggestModal;
    private final Modals modals;
    private final AfterAck afterAck;

    SuggestShortcut(SuggestModal suggestModal, Modals modals, AfterAck afterAck) {
        this.suggestModal = suggestModal;
        this.modals = modals;
        this.afterAck = afterAck;
    }

    @Override
    public void register(App app) {
        app.messageShortcut(StoryViews.SUGGEST_SHORTCUT, this::shortcut);
    }

    private Response shortcut(MessageShortcutRequest request, MessageShortcutContext context)
            throws IOException, SlackApiException {
        MessageShortcutPayload payload = request.getPayload();
        String userId = payload.getUser().getId();
        String channelId = payload.getChannel() == null ? null : payload.getChannel().getId();
        if (payload.getMessage() == null) {
            afterAck.tell(PrivateReplies.Recipient.of(payload), () -> "Slack did not send me the message; use *Suggest as story* from a message's ⋯ menu.");
            return context.ack();
        }
        Optional<Modals.Opened> modal = modals.openOrTell(payload.getTriggerId(),
                Modals.loading(SuggestModal.TITLE, "Getting the board ready…"), PrivateReplies.Recipient.of(payload),
                "try the shortcut again.");
        if (modal.isPresent()) {
            afterAck.run(() -> suggestModal.fill(modal.get(), userId, channelId, payload.getMessage()),
                    message -> modals.showQuietly(modal.get(), Modals.notice(SuggestModal.TITLE, message)));
        }
        return context.ack();
    }
}
