package com.oktoslack.digest;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** The stored digests, and the claim that makes each one go out at most once per local day. */
@Singleton
class DigestSubscriptions {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final DigestSubscriptionRepository repository;
    private final Clock clock;

    DigestSubscriptions(DigestSubscriptionRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    Optional<DigestSubscription> find(String id) {
        return repository.findById(id);
    }

    List<DigestSubscription> all() {
        return repository.findAll();
    }

    DigestSubscription forChannel(String channelId, LocalTime time, ZoneId zone, String setBy) {
        return save(DigestSubscription.channelId(channelId), DigestSubscription.CHANNEL, channelId, time, zone, setBy);
    }

    DigestSubscription forPerson(String slackUserId, LocalTime time, ZoneId zone) {
        return save(DigestSubscription.personId(slackUserId), DigestSubscription.PERSON, slackUserId, time, zone, slackUserId);
    }

    boolean remove(String id) {
        boolean existed = repository.existsById(id);
        repository.deleteById(id);
        return existed;
    }

    /** True when this caller won the right to send {@code day}'s digest; false when it went out already. */
    boolean claim(DigestSubscription subscription, LocalDate day, Instant now) {
        return repository.claim(subscription.id(), subscription.localTime(), subscription.zone(), day.toString(), now) == 1;
    }

    /** Undoes a claim after a send that surely did not reach Slack, so a tick after {@code retryAt} tries again. */
    void giveBack(DigestSubscription subscription, LocalDate day, Instant retryAt, String error) {
        repository.release(subscription.id(), day.toString(), subscription.lastSentDate(), subscription.lastSentAt(), retryAt, error);
    }

    /** Holds a due digest back until {@code retryAt}, without claiming its day. */
    void retryLater(DigestSubscription subscription, Instant retryAt, String error) {
        repository.retryLater(subscription.id(), retryAt, error);
    }

    void recordError(DigestSubscription subscription, String error) {
        repository.recordError(subscription.id(), error);
    }

    static String format(LocalTime time) {
        return HH_MM.format(time);
    }

    private DigestSubscription save(String id, String kind, String target, LocalTime time, ZoneId zone, String setBy) {
        repository.upsert(id, kind, target, format(time), zone.getId(), setBy, Instant.now(clock));
        return repository.findById(id).orElseThrow();
    }
}
