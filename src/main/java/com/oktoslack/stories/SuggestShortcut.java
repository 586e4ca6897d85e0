package com.oktoslack.stories;

import com.oktoslack.slack.AfterAck;
import com.oktoslack.slack.Modals;
import com.oktoslack.slack.SlackListener;
import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Optional;

/**
 * "Suggest as story" on a Slack message: the modal opens at once with a loading view and is filled once the
 * person and the account's boards, workflows and campaigns are known. Campaigns are searched as they type
 * ({@link com.oktoslack.campaigns.CampaignOptions}).
 */
@Singleton
class SuggestShortcut implements SlackListener {

    private static final Logger LOG = LoggerFactory.getLogger(SuggestShortcut.class);

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
            tell(context, "Slack did not send me the message; use *Suggest as story* from a message's ⋯ menu.");
            return context.ack();
        }
        Optional<Modals.Opened> modal = modals.open(payload.getTriggerId(),
                StoryViews.loading(SuggestModal.TITLE, "Getting the board ready…"));
        if (modal.isPresent()) {
            afterAck.run(() -> suggestModal.fill(modal.get(), userId, channelId, payload.getMessage()),
                    message -> modals.showQuietly(modal.get(), StoryViews.notice(SuggestModal.TITLE, message)));
        } else {
            tell(context, "Slack did not let me open the form in time; please try the shortcut again.");
        }
        return context.ack();
    }

    private void tell(MessageShortcutContext context, String text) {
        afterAck.run(() -> context.respond(ActionResponse.builder().responseType("ephemeral").replaceOriginal(false)
                        .text(text).build()),
                message -> LOG.warn("Could not answer a Suggest-as-story shortcut: {}", message));
    }
}
