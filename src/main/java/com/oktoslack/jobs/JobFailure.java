package com.oktoslack.jobs;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A job that used up its attempts: kept, so that it shows in {@code /okto status} and the metrics. */
@MappedEntity("job_failure")
record JobFailure(@EmbeddedId Key key, int attempts, String reason, @MappedProperty("failed_at") Instant failedAt) {

    @Embeddable
    record Key(String kind, @MappedProperty("job_id") String jobId) {
    }
}
