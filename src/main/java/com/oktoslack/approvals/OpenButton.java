package com.oktoslack.approvals;

import com.oktoslack.slack.SlackListener;
import com.slack.api.bolt.App;
import jakarta.inject.Singleton;

/** "Open in Oktopost" is a link; Slack still reports the click, and an unanswered one shows a warning. */
@Singleton
class OpenButton implements SlackListener {

    @Override
    public void register(App app) {
        app.blockAction(ApprovalCards.OPEN_ACTION, (request, context) -> context.ack());
    }
}
