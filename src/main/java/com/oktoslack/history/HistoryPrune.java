package com.oktoslack.history;

import com.oktoslack.jobs.RecurringJob;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/** Forgets decisions older than {@code okto.history-days}. */
@Singleton
class HistoryPrune implements RecurringJob {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryPrune.class);

    private final HistoryRepository rows;
    private final Clock clock;
    private final Duration keep;
    private final Duration every;

    HistoryPrune(HistoryRepository rows, Clock clock, @Value("${okto.history-days}") int days,
                 @Value("${okto.history.prune-every}") Duration every) {
        this.rows = rows;
        this.clock = clock;
        this.keep = Duration.ofDays(days);
        this.every = every;
    }

    @Override
    public String kind() {
        return "history.prune";
    }

    @Override
    public Duration every() {
        return every;
    }

    @Override
    public void run() {
        int deleted = rows.deleteBefore(clock.instant().minus(keep));
        if (deleted > 0) {
            LOG.info("Forgot {} decisions older than {} days", deleted, keep.toDays());
        }
    }
}
