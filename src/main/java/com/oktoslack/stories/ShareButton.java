package com.oktoslack.stories;

import com.oktoslack.people.People;
import com.oktoslack.people.PersonLink;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Optional;

/**
 * The Share button on a story card. A linked advocate gets a modal at once (a loading view, filled once
 * Oktopost has answered); anyone else is looked up by e-mail first and told privately what is missing.
 */
@Singleton
class ShareButton implements SlackListener {

    static final String NOT_FOUND = "I could not find you on the advocacy board by your Slack e-mail address, so I "
            + "cannot share for you yet. Join the board with the address you use in Slack (or ask a board manager "
            + "to invite you), then run `/okto link`.";

    private static final Logger LOG = LoggerFactory.getLogger(ShareButton.class);

    private final People people;
    private final ShareModal shareModal;
    private final Modals modals;
    private final AfterAck afterAck;
    private final PrivateReplies replies;

    ShareButton(People people, ShareModal shareModal, Modals modals, AfterAck afterAck, PrivateReplies replies) {
        this.people = people;
        this.shareModal = shareModal;
        this.modals = modals;
        this.afterAck = afterAck;
        this.replies = replies;
    }

    @Override
    public void register(App app) {
        app.blockAction(StoryCards.SHARE_ACTION, this::clicked);
    }

    private Response clicked(BlockActionRequest request, ActionContext context) throws IOException, SlackApiException {
        BlockActionPayload payload = request.getPayload();
        String userId = payload.getUser().getId();
        String triggerId = payload.getTriggerId();
        PrivateReplies.Recipient clicker = PrivateReplies.Recipient.of(payload);
        Optional<StoryRef> ref = payload.getActions().stream().findFirst().flatMap(a -> StoryRef.parse(a.getValue()));
        if (ref.isEmpty()) {
            LOG.warn("A Share button carried no story: {}", payload.getActions());
            return context.ack();
        }
        Optional<PersonLink> known = people.linkOf(userId).filter(PersonLink::isAdvocate);
        if (known.isPresent()) {
            // The trigger is only good for 3 seconds: the modal opens now and is filled after the ack.
            Optional<Modals.Opened> modal = shareModal.openLoadingOrTell(triggerId, clicker, "press *Share* again.");
            if (modal.isPresent()) {
                afterAck.run(() -> shareModal.fill(modal.get(), ref.get(), known.get(), userId),
                        message -> modals.showQuietly(modal.get(), Modals.notice(ShareModal.TITLE, message)));
            }
            return context.ack();
        }
        afterAck.run(() -> lookUpAndOpen(clicker, triggerId, ref.get(), userId), clicker);
        return context.ack();
    }

    private void lookUpAndOpen(PrivateReplies.Recipient clicker, String triggerId, StoryRef ref, String userId)
            throws IOException, SlackApiException {
        Optional<PersonLink> known = people.linkOrDiscover(userId);
        // Linked as an Oktopost user only: they may have joined the board since.
        Optional<PersonLink> link = known.isPresent() && !known.get().isAdvocate() ? Optional.of(people.link(userId)) : known;
        if (link.isEmpty()) {
            replies.tell(clicker, NOT_FOUND);
            return;
        }
        if (!link.get().isAdvocate()) {
            replies.tell(clicker, "You are linked to Oktopost as " + link.get().oktopostUserName() + " (" + link.get().email()
                    + "), but not as an advocate on the board, and stories are shared to an advocate's own profiles. "
                    + "Join the board with that address, then press *Share* again.");
            return;
        }
        Optional<Modals.Opened> modal = shareModal.openLoading(triggerId);
        if (modal.isEmpty()) {
            replies.tell(clicker, "I have linked you to your advocate account (" + link.get().advocateName()
                    + "). Press *Share* again to pick your profiles.");
            return;
        }
        afterAck.run(() -> shareModal.fill(modal.get(), ref, link.get(), userId),
                message -> modals.showQuietly(modal.get(), Modals.notice(ShareModal.TITLE, message)));
    }
}
