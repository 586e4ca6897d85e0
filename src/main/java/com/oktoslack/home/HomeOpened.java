package com.oktoslack.home;

import com.oktoslack.approvals.ApprovalQueue;
import com.oktoslack.slack.AfterAck;
import com.oktoslack.slack.SlackListener;
import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code app_home_opened} on the Home tab: acknowledged at once; then what waits is brought up to date with
 * Oktopost (unless that was done moments ago) and the Home published with the hash Slack sent.
 */
@Singleton
class HomeOpened implements SlackListener {

    private static final Logger LOG = LoggerFactory.getLogger(HomeOpened.class);

    private final HomePublisher publisher;
    private final ApprovalQueue queue;
    private final AfterAck afterAck;

    HomeOpened(HomePublisher publisher, ApprovalQueue queue, AfterAck afterAck) {
        this.publisher = publisher;
        this.queue = queue;
        this.afterAck = afterAck;
    }

    @Override
    public void register(App app) {
        app.event(AppHomeOpenedEvent.class, (payload, context) -> {
            AppHomeOpenedEvent event = payload.getEvent();
            if (event.getTab() != null && !"home".equals(event.getTab())) {
                return context.ack();
            }
            String userId = event.getUser();
            String hash = event.getView() == null ? null : event.getView().getHash();
            afterAck.run(() -> {
                try {
                    queue.refreshIfStale();
                } catch (RuntimeException e) {
                    LOG.info("The Home of {} is built from stored state; Oktopost did not answer: {}", userId, e.toString());
                }
                publisher.publish(userId, hash);
            }, message -> LOG.warn("The Home of {} was not published: {}", userId, message));
            return context.ack();
        });
    }
}
