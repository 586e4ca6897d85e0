package com.oktoslack.digest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A daily digest: to a channel, or as a DM to one approver. {@code activeFrom} is when the time or zone was
 * last set, so a digest whose time already passed that day starts the next day.
 */
@MappedEntity("digest_subscription")
record DigestSubscription(@Id String id,
                          String kind,
                          String target,
                          String localTime,
                          String zone,
                          String setBy,
                          Instant activeFrom,
                          @Nullable String lastSentDate,
                          @Nullable Instant lastSentAt,
                          @Nullable Instant retryAt,
                          @Nullable String lastError) {

    static final String CHANNEL = "channel";
    static final String PERSON = "person";

    static String channelId(String channelId) {
        return CHANNEL + ":" + channelId;
    }

    static String personId(String slackUserId) {
        return PERSON + ":" + slackUserId;
    }

    boolean isChannel() {
        return CHANNEL.equals(kind);
    }

    LocalTime time() {
        return LocalTime.parse(localTime);
    }

    ZoneId zoneId() {
        return ZoneId.of(zone);
    }

    @Nullable LocalDate lastSentDay() {
        return lastSentDate == null ? null : LocalDate.parse(lastSentDate);
    }
}
