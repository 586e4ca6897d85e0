package com.oktoslack.stories;

import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.slack.AfterAck;
import com.oktoslack.slack.Mrkdwn;
import com.oktoslack.slack.SlackListener;
import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.interactive_components.response.BlockSuggestionResponse;
import com.slack.api.app_backend.interactive_components.response.Option;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.BlockSuggestionContext;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.request.builtin.BlockSuggestionRequest;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/**
 * "Suggest as story" on a Slack message: the modal opens at once with a loading view and is filled once the
 * person and the account's boards, workflows and campaigns are known. Campaigns are searched as they type.
 */
@Singleton
class SuggestShortcut implements SlackListener {

    private static final Logger LOG = LoggerFactory.getLogger(SuggestShortcut.class);

    private final SuggestModal suggestModal;
    private final Modals modals;
    private final Oktopost oktopost;
    private final AfterAck afterAck;

    SuggestShortcut(SuggestModal suggestModal, Modals modals, Oktopost oktopost, AfterAck afterAck) {
        this.suggestModal = suggestModal;
        this.modals = modals;
        this.oktopost = oktopost;
        this.afterAck = afterAck;
    }

    @Override
    public void register(App app) {
        app.messageShortcut(StoryViews.SUGGEST_SHORTCUT, this::shortcut);
        app.blockSuggestion(StoryViews.CAMPAIGN_ACTION, this::campaigns);
    }

    private Response shortcut(MessageShortcutRequest request, MessageShortcutContext context)
            throws IOException, SlackApiException {
        MessageShortcutPayload payload = request.getPayload();
        String userId = payload.getUser().getId();
        String channelId = payload.getChannel() == null ? null : payload.getChannel().getId();
        Optional<Modals.Opened> modal = modals.open(payload.getTriggerId(),
                StoryViews.loading(SuggestModal.TITLE, "Getting the board ready…"));
        if (modal.isPresent()) {
            afterAck.run(() -> suggestModal.fill(modal.get(), userId, channelId, payload.getMessage()),
                    message -> modals.showQuietly(modal.get(), SuggestModal.TITLE, message));
        } else {
            afterAck.run(() -> context.respond(ActionResponse.builder().responseType("ephemeral").replaceOriginal(false)
                            .text("Slack did not let me open the form in time; please try the shortcut again.").build()),
                    message -> LOG.warn("Could not answer a Suggest-as-story shortcut: {}", message));
        }
        return context.ack();
    }

    private Response campaigns(BlockSuggestionRequest request, BlockSuggestionContext context) {
        String typed = request.getPayload().getValue();
        List<Option> options = oktopost.campaigns(typed).stream()
                .limit(StoryViews.MAX_SELECT_OPTIONS)
                .map(c -> new Option(plainText(Mrkdwn.cut(c.name(), StoryViews.MAX_OPTION_TEXT)), c.id()))
                .toList();
        return context.ack(BlockSuggestionResponse.builder().options(options).build());
    }
}
