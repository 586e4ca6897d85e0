package com.oktoslack.people;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A person's choices; a person without a row has the defaults ({@link Preferences}). */
@MappedEntity("person_preference")
record PersonPreference(@Id String slackUserId, String dmMode, boolean remindersOn, Instant updatedAt) {
}
