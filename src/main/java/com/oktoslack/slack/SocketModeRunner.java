package com.oktoslack.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import io.micronaut.context.BeanProvider;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Async;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Bolt app once the port is open, off the start-up path: building it checks the bot token with
 * {@code auth.test} (a token Slack rejects is logged in one line), and the first Slack request then finds it ready.
 * With {@code SLACK_APP_TOKEN} set, the same app also takes its requests over Socket Mode.
 */
@Singleton
class SocketModeRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SocketModeRunner.class);

    private final SlackSettings settings;
    private final BeanProvider<App> app;
    private SocketModeApp socketMode;

    SocketModeRunner(SlackSettings settings, BeanProvider<App> app) {
        this.settings = settings;
        this.app = app;
    }

    @EventListener
    @Async(TaskExecutors.IO)
    void onStarted(ServerStartupEvent event) throws Exception {
        App bolt = app.get();
        if (!settings.socketMode()) {
            return;
        }
        synchronized (this) {
            socketMode = new SocketModeApp(settings.appToken(), bolt);
        }
        socketMode.startAsync();
        LOG.info("Slack Socket Mode started");
    }

    @PreDestroy
    synchronized void stop() throws Exception {
        if (socketMode != null) {
            socketMode.close();
        }
    }
}
