package com.oktoslack.stories;

import com.oktoslack.people.People;
import com.oktoslack.people.PersonLink;
import com.oktoslack.slack.AfterAck;
import com.oktoslack.slack.Modals;
import com.oktoslack.slack.SlackListener;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
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

    ShareButton(People people, ShareModal shareModal, Modals modals, AfterAck afterAck) {
        this.people = people;
        this.shareModal = shareModal;
        this.modals = modals;
        this.afterAck = afterAck;
    }

    @Override
    public void register(App app) {
        app.blockAction(StoryCards.SHARE_ACTION, this::clicked);
    }

    private Response clicked(BlockActionRequest request, ActionContext context) throws IOException, SlackApiException {
        BlockActionPayload payload = request.getPayload();
        String userId = payload.getUser().getId();
        String triggerId = payload.getTriggerId();
        Optional<StoryRef> ref = payload.getActions().stream().findFirst().flatMap(a -> StoryRef.parse(a.getValue()));
        if (ref.isEmpty()) {
            LOG.warn("A Share button carried no story: {}", payload.getActions());
            return context.ack();
        }
        Optional<PersonLink> known = people.linkOf(userId).filter(PersonLink::isAdvocate);
        if (known.isPresent()) {
            // The trigger is only good for 3 seconds: the modal opens now and is filled after the ack.
            Optional<Modals.Opened> modal = shareModal.openLoading(triggerId);
            if (modal.isPresent()) {
                afterAck.run(() -> shareModal.fill(modal.get(), ref.get(), known.get(), userId),
                        message -> modals.showQuietly(modal.get(), StoryViews.notice(ShareModal.TITLE, message)));
            } else {
                afterAck.run(() -> tell(context, "Slack did not let me open the share form in time; please press *Share* again."),
                        message -> tellQuietly(context, message));
            }
            return context.ack();
        }
        afterAck.run(() -> lookUpAndOpen(context, triggerId, ref.get(), userId), message -> tellQuietly(context, message));
        return context.ack();
    }

    private void lookUpAndOpen(ActionContext context, String triggerId, StoryRef ref, String userId)
            throws IOException, SlackApiException {
        Optional<PersonLink> known = people.linkOrDiscover(userId);
        // Linked as an Oktopost user only: they may have joined the board since.
        Optional<PersonLink> link = known.isPresent() && !known.get().isAdvocate() ? Optional.of(people.link(userId)) : known;
        if (link.isEmpty()) {
            tell(context, NOT_FOUND);
            return;
        }
        if (!link.get().isAdvocate()) {
            tell(context, "You are linked to Oktopost as " + link.get().oktopostUserName() + " (" + link.get().email()
                    + "), but not as an advocate on the board, and stories are shared to an advocate's own profiles. "
                    + "Join the board with that address, then press *Share* again.");
            return;
        }
        Optional<Modals.Opened> modal = shareModal.openLoading(triggerId);
        if (modal.isEmpty()) {
            tell(context, "I have linked you to your advocate account (" + link.get().advocateName()
                    + "). Press *Share* again to pick your profiles.");
            return;
        }
        afterAck.run(() -> shareModal.fill(modal.get(), ref, link.get(), userId),
                message -> modals.showQuietly(modal.get(), StoryViews.notice(ShareModal.TITLE, message)));
    }

    private static void tell(ActionContext context, String text) throws IOException {
        context.respond(ActionResponse.builder().responseType("ephemeral").replaceOriginal(false).text(text).build());
    }

    private static void tellQuietly(ActionContext context, String text) {
        try {
            tell(context, text);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not answer a Share click", e);
        }
    }
}
