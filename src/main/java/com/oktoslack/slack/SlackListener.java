package com.oktoslack.slack;

import com.slack.api.bolt.App;

/**
 * A feature's Bolt listeners (actions, views, shortcuts, options). Each feature contributes beans of this
 * type; the app factory only collects them.
 */
public interface SlackListener {
    void register(App app);
}
