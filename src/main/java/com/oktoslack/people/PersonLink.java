package com.oktoslack.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A Slack user and the Oktopost user and/or advocate with the same e-mail. */
@MappedEntity("person_link")
public record PersonLink(@Id String slackUserId,
                         String email,
                         @Nullable String oktopostUserId,
                         @Nullable String oktopostUserName,
                         @Nullable String advocateId,
                         @Nullable String advocateName,
                         boolean dmEnabled,
                         Instant linkedAt) {

    public boolean isOktopostUser() {
        return oktopostUserId != null;
    }

    public boolean isAdvocate() {
        return advocateId != null;
    }

    PersonLink withDmEnabled(boolean enabled) {
        return new PersonLink(slackUserId, email, oktopostUserId, oktopostUserName, advocateId, advocateName, enabled, linkedAt);
    }
}
