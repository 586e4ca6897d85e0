package com.oktoslack.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** With {@code SLACK_APP_TOKEN} set, the same Bolt app also takes its requests over Socket Mode. */
@Singleton
class SocketModeRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SocketModeRunner.class);

    private final SlackSettings settings;
    private final App app;
    private SocketModeApp socketMode;

    SocketModeRunner(SlackSettings settings, App app) {
        this.settings = settings;
        this.app = app;
    }

    @EventListener
    void onStartup(StartupEvent event) throws Exception {
        if (!settings.socketMode()) {
            return;
        }
        socketMode = new SocketModeApp(settings.appToken(), app);
        socketMode.startAsync();
        LOG.info("Slack Socket Mode started");
    }

    @PreDestroy
    void stop() throws Exception {
        if (socketMode != null) {
            socketMode.close();
        }
    }
}
