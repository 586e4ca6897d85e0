package com.oktoslack.results;

import com.oktoslack.jobs.Jobs;
import jakarta.inject.Singleton;

import java.time.Instant;

/** Puts a live post's results on the job engine, due {@code okto.results.after} after it went live, once per post. */
@Singleton
class ResultsDue {

    private final Jobs jobs;
    private final ResultSettings settings;

    ResultsDue(Jobs jobs, ResultSettings settings) {
        this.jobs = jobs;
        this.settings = settings;
    }

    void schedule(String postId, Instant liveAt) {
        jobs.schedule(StatsJob.KIND, postId, new StatsDue(postId), liveAt.plus(settings.after()));
    }
}
