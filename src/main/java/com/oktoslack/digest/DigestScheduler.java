package com.oktoslack.digest;

import com.oktoslack.approvals.AlreadyApproved;
import com.oktoslack.digest.DigestCards.DigestMessage;
import com.oktoslack.digest.DigestSender.Outcome;
import com.oktoslack.oktopost.OktopostException;
import com.oktoslack.people.People;
import com.oktoslack.people.PersonLink;
import com.oktoslack.jobs.RecurringJob;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sends the digests that are due: the job {@value #KIND}, every {@code okto.digest.tick-every}, on one replica at
 * a time. Each send is also claimed in the database for its local day first ({@link DigestSubscriptions#claim}),
 * so a tick cut short and run again elsewhere, a second replica or a restart never send a day twice; a day missed while the app was down goes out at the first tick after it is back, the same local
 * day. Oktopost is only asked when something is due, once for all digests due together.
 */
@Singleton
class DigestScheduler implements RecurringJob {

    static final String KIND = "digest.send";

    private static final Logger LOG = LoggerFactory.getLogger(DigestScheduler.class);
    static final Duration RETRY_AFTER = Duration.ofMinutes(5);

    private record Due(DigestSubscription subscription, LocalDate day) {
    }

    private final DigestSubscriptions subscriptions;
    private final DigestSource source;
    private final DigestSender sender;
    private final People people;
    private final AlreadyApproved alreadyApproved;
    private final Clock clock;
    private final Duration tickEvery;

    DigestScheduler(DigestSubscriptions subscriptions, DigestSource source, DigestSender sender, People people,
                    AlreadyApproved alreadyApproved, Clock clock, @Value("${okto.digest.tick-every}") Duration tickEvery) {
        this.subscriptions = subscriptions;
        this.alreadyApproved = alreadyApproved;
        this.source = source;
        this.sender = sender;
        this.people = people;
        this.clock = clock;
        this.tickEvery = tickEvery;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Duration every() {
        return tickEvery;
    }

    @Override
    public void run() {
        sendDue();
    }

    /** Sends what is due now; answers how many digests went out. */
    int sendDue() {
        try {
            return sendDue(clock.instant());
        } catch (RuntimeException e) {
            LOG.error("Digest tick failed", e);
            return 0;
        }
    }

    private int sendDue(Instant now) {
        List<Due> due = new ArrayList<>();
        for (DigestSubscription subscription : subscriptions.all()) {
            DigestSchedule.dueDay(subscription, now).ifPresent(day -> due.add(new Due(subscription, day)));
        }
        if (due.isEmpty()) {
            return 0;
        }
        DigestSnapshot snapshot;
        try {
            snapshot = source.snapshot();
        } catch (RuntimeException e) {
            // Holding these digests back a while keeps a failing Oktopost from being asked every minute.
            Duration wait = e instanceof OktopostException.RateLimited limited && limited.retryAfter().compareTo(RETRY_AFTER) > 0
                    ? limited.retryAfter() : RETRY_AFTER;
            due.forEach(d -> subscriptions.retryLater(d.subscription(), now.plus(wait), DigestSender.OKTOPOST_UNAVAILABLE));
            LOG.warn("{} digest(s) due, but Oktopost could not be read; trying again in {}", due.size(), wait, e);
            return 0;
        }
        int sent = 0;
        for (Due one : due) {
            if (deliver(one, snapshot, now)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean deliver(Due due, DigestSnapshot snapshot, Instant now) {
        DigestSubscription subscription = due.subscription();
        if (!subscriptions.claim(subscription, due.day(), now)) {
            return false;
        }
        Optional<DigestMessage> message = render(subscription, snapshot, due.day());
        if (message.isEmpty()) {
            subscriptions.recordError(subscription, DigestSender.NOT_LINKED);
            LOG.info("Skipped the personal digest of {}: no longer linked to an Oktopost user", subscription.target());
            return false;
        }
        Outcome outcome = sender.post(subscription.target(), message.get());
        switch (outcome.result()) {
            case SENT -> {
                return true;
            }
            case RETRY -> {
                subscriptions.giveBack(subscription, due.day(), now.plus(RETRY_AFTER), outcome.error());
                LOG.warn("Digest {} did not reach Slack ({}); trying again in {}", subscription.id(), outcome.error(), RETRY_AFTER);
            }
            case FAILED -> {
                subscriptions.recordError(subscription, outcome.error());
                LOG.warn("Digest {} for {} failed: {}", subscription.id(), due.day(), outcome.error());
            }
        }
        return false;
    }

    private Optional<DigestMessage> render(DigestSubscription subscription, DigestSnapshot snapshot, LocalDate day) {
        if (subscription.isChannel()) {
            return Optional.of(DigestCards.channel(snapshot, subscription.zoneId(), day));
        }
        return people.linkOf(subscription.target())
                .map(PersonLink::oktopostUserId)
                .map(userId -> DigestCards.personal(snapshot, userId, alreadyApproved.by(subscription.target()),
                        subscription.zoneId(), day));
    }
}
