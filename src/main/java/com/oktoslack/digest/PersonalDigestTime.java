package com.oktoslack.digest;

import jakarta.inject.Singleton;

import java.util.Optional;

/** A person's daily digest DM, as other features show it: "08:15 (Europe/Berlin)"; empty when they have none. */
@Singleton
public class PersonalDigestTime {

    private final DigestSubscriptions subscriptions;

    PersonalDigestTime(DigestSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    public Optional<String> of(String slackUserId) {
        return subscriptions.find(DigestSubscription.personId(slackUserId))
                .map(s -> s.localTime() + " (" + s.zone() + ")");
    }
}
