package com.oktoslack.stories;

import com.oktoslack.jobs.QueueDepth;
import com.oktoslack.jobs.WorkQueue;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;

/** Share and suggest-as-story requests waiting (new, for a retry, or being worked on), and those that failed. */
@Singleton
class StoryRequestQueue implements WorkQueue {

    private final StoryRequestRepository requests;

    StoryRequestQueue(StoryRequestRepository requests) {
        this.requests = requests;
    }

    @Override
    public String kind() {
        return StoryRequests.KIND;
    }

    @Override
    public QueueDepth depth(Instant now) {
        Duration oldest = requests.findOldestDue(now).map(r -> Duration.between(r.nextAttemptAt(), now)).orElse(Duration.ZERO);
        return new QueueDepth(requests.countWaiting(), oldest, requests.countFailed());
    }
}
