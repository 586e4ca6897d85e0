package com.oktoslack.home;

import com.oktoslack.people.DmMode;
import com.oktoslack.people.People;
import com.oktoslack.people.Preferences;
import com.oktoslack.slack.AfterAck;
import com.oktoslack.slack.PrivateReplies;
import com.oktoslack.slack.SlackListener;
import com.oktoslack.slack.UserFacingException;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import jakarta.inject.Singleton;

import java.util.regex.Pattern;

/**
 * The Home's own buttons: Link and Unlink, how DMs arrive, reminders on or off, and paging through what waits.
 * Each is acknowledged at once; the change is made after the ack and the Home published again.
 */
@Singleton
class HomeButtons implements SlackListener {

    private final People people;
    private final Preferences preferences;
    private final HomePublisher publisher;
    private final AfterAck afterAck;

    HomeButtons(People people, Preferences preferences, HomePublisher publisher, AfterAck afterAck) {
        this.people = people;
        this.preferences = preferences;
        this.publisher = publisher;
        this.afterAck = afterAck;
    }

    @Override
    public void register(App app) {
        app.blockAction(HomeActions.LINK, (request, context) -> after(request, context, userId -> {
            try {
                people.link(userId);
            } catch (UserFacingException e) {
                afterAck.tell(PrivateReplies.Recipient.direct(userId), e::getMessage);
            }
        }));
        app.blockAction(HomeActions.UNLINK, (request, context) -> after(request, context, people::unlink));
        app.blockAction(Pattern.compile(Pattern.quote(HomeActions.DM_PREFIX) + "[a-z]+"), (request, context) ->
                after(request, context, userId -> DmMode.parse(value(request)).ifPresent(mode -> preferences.setDmMode(userId, mode))));
        app.blockAction(HomeActions.REMINDERS, (request, context) ->
                after(request, context, userId -> preferences.setRemindersOn(userId, "on".equals(value(request)))));
        app.blockAction(Pattern.compile(Pattern.quote(HomeActions.PREVIOUS) + "|" + Pattern.quote(HomeActions.NEXT)),
                (request, context) -> {
                    String userId = request.getPayload().getUser().getId();
                    int page = parsePage(value(request));
                    afterAck.run(() -> publisher.showPage(userId, page), PrivateReplies.Recipient.of(request.getPayload()));
                    return context.ack();
                });
    }

    private interface Change {
        void apply(String slackUserId) throws Exception;
    }

    private Response after(BlockActionRequest request, ActionContext context, Change change) {
        BlockActionPayload payload = request.getPayload();
        String userId = payload.getUser().getId();
        afterAck.run(() -> {
            change.apply(userId);
            publisher.publish(userId, null);
        }, PrivateReplies.Recipient.of(payload));
        return context.ack();
    }

    private static String value(BlockActionRequest request) {
        return request.getPayload().getActions().isEmpty() ? "" : String.valueOf(request.getPayload().getActions().get(0).getValue());
    }

    private static int parsePage(String value) {
        try {
            return Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
