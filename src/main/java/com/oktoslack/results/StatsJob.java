package com.oktoslack.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.oktoslack.jobs.DelayedJob;
import com.oktoslack.jobs.Retry;
import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.oktopost.OktopostException;
import com.oktoslack.oktopost.PostStats;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;

/**
 * A live post's results, {@code okto.results.after} after it went live: its stats, one Oktopost call, told by DM
 * to whoever made it and in its approval card's thread. The job engine keeps it through restarts and runs it
 * once; {@code stats_told} keeps a retried or repeated run from telling twice.
 */
@Singleton
class StatsJob implements DelayedJob<StatsDue> {

    static final String KIND = "results.stats";
    private static final Logger LOG = LoggerFactory.getLogger(StatsJob.class);

    private final PostResultRepository results;
    private final Oktopost oktopost;
    private final ResultMessages messages;
    private final ResultSettings settings;
    private final ObjectMapper json;
    private final Clock clock;

    StatsJob(PostResultRepository results, Oktopost oktopost, ResultMessages messages, ResultSettings settings,
             ObjectMapper json, Clock clock) {
        this.results = results;
        this.oktopost = oktopost;
        this.messages = messages;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Class<StatsDue> dataType() {
        return StatsDue.class;
    }

    @Override
    public Retry retry() {
        return Retry.standard();
    }

    @Override
    public void run(StatsDue due) throws Exception {
        Optional<PostResult> result = results.findById(due.postId());
        if (result.isEmpty() || result.get().statsTold()) {
            return;
        }
        PostStats stats;
        try {
            stats = oktopost.postStats(due.postId());
        } catch (OktopostException.NotFound gone) {
            LOG.info("Post {} is gone from Oktopost; its results are not told", due.postId());
            results.markStatsTold(due.postId(), "{}", true, clock.instant());
            return;
        }
        PostResult post = result.get();
        messages.tell(due.postId(), post.slackUserId(), StatsText.of(stats, post.label(), post.remoteUrl(), settings.after()));
        results.markStatsTold(due.postId(), json.writeValueAsString(stats), true, clock.instant());
    }

    @Override
    public void exhausted(StatsDue due, Exception last) {
        LOG.warn("The results of post {} could not be told: {}", due.postId(), last.getMessage());
    }
}
