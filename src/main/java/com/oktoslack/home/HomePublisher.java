package com.oktoslack.home;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Publishes a person's Home with the hash of the one last published, so a publish built from older state
 * (another replica's, say) loses instead of overwriting a newer one. On {@code hash_conflict} the stored
 * hash is read again and the publish tried once more: with a newer stored hash when another publish stored
 * one, else without a hash, since this build is from the state as it is now.
 */
@Singleton
class HomePublisher {

    static final String HASH_CONFLICT = "hash_conflict";
    private static final Logger LOG = LoggerFactory.getLogger(HomePublisher.class);

    private final HomeViews views;
    private final HomeViewRepository stored;
    private final MethodsClient slack;
    private final Clock clock;

    HomePublisher(HomeViews views, HomeViewRepository stored, MethodsClient slack, Clock clock) {
        this.views = views;
        this.stored = stored;
        this.slack = slack;
        this.clock = clock;
    }

    /** {@code slackHash}: the Home's hash as Slack sent it with the event, when it did. */
    void publish(String slackUserId, @Nullable String slackHash) throws IOException, SlackApiException {
        publish(slackUserId, slackHash, null);
    }

    /** As {@link #publish(String, String)}, on another page of waiting items. */
    void showPage(String slackUserId, int page) throws IOException, SlackApiException {
        publish(slackUserId, null, page);
    }

    private void publish(String slackUserId, @Nullable String slackHash, @Nullable Integer page)
            throws IOException, SlackApiException {
        HomeView known = stored.findById(slackUserId).orElse(HomeView.first(slackUserId));
        HomeViews.Built built = views.build(slackUserId, page != null ? page : known.page());
        String hash = slackHash != null ? slackHash : known.hash();
        ViewsPublishResponse response = send(slackUserId, built, hash);
        if (!response.isOk() && HASH_CONFLICT.equals(response.getError())) {
            String reread = stored.findById(slackUserId).map(HomeView::hash).orElse(null);
            response = send(slackUserId, built, Objects.equals(reread, hash) ? null : reread);
        }
        if (!response.isOk()) {
            LOG.info("Slack did not publish the Home of {}: {}", slackUserId, response.getError());
            return;
        }
        String newHash = Optional.ofNullable(response.getView()).map(v -> v.getHash()).orElse(null);
        HomeView published = new HomeView(slackUserId, newHash, built.page(),
                "," + String.join(",", built.shownIds()) + (built.shownIds().isEmpty() ? "" : ","), clock.instant());
        if (stored.existsById(slackUserId)) {
            stored.update(published);
        } else {
            stored.save(published);
        }
    }

    private ViewsPublishResponse send(String slackUserId, HomeViews.Built built, @Nullable String hash)
            throws IOException, SlackApiException {
        return slack.viewsPublish(r -> r.userId(slackUserId).view(built.view()).hash(hash));
    }
}
