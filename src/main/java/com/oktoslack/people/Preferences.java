package com.oktoslack.people;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Each person's choices: how approval DMs arrive (grouped by default) and whether approval reminders go out
 * (on by default). Whether DMs go out at all stays on the link ({@link PersonLink#dmEnabled()}), which decides
 * which DM cards are made; {@code off} clears it.
 */
@Singleton
public class Preferences {

    private final PersonPreferenceRepository repository;
    private final People people;
    private final Clock clock;

    Preferences(PersonPreferenceRepository repository, People people, Clock clock) {
        this.repository = repository;
        this.people = people;
        this.clock = clock;
    }

    public DmMode dmMode(String slackUserId) {
        if (people.linkOf(slackUserId).map(l -> !l.dmEnabled()).orElse(false)) {
            return DmMode.OFF;
        }
        return stored(slackUserId).flatMap(p -> DmMode.parse(p.dmMode()))
                .filter(mode -> mode != DmMode.OFF).orElse(DmMode.GROUPED);
    }

    /** False when the person is not linked (nothing to send them DMs about). */
    public boolean setDmMode(String slackUserId, DmMode mode) {
        if (!people.setDmEnabled(slackUserId, mode != DmMode.OFF)) {
            return false;
        }
        if (mode != DmMode.OFF) {
            save(slackUserId, mode, remindersOn(slackUserId));
        }
        return true;
    }

    /** Whether approval reminders may be sent to this person. */
    public boolean remindersOn(String slackUserId) {
        return stored(slackUserId).map(PersonPreference::remindersOn).orElse(true);
    }

    public void setRemindersOn(String slackUserId, boolean on) {
        DmMode mode = stored(slackUserId).flatMap(p -> DmMode.parse(p.dmMode())).orElse(DmMode.GROUPED);
        save(slackUserId, mode, on);
    }

    private Optional<PersonPreference> stored(String slackUserId) {
        return repository.findById(slackUserId);
    }

    private void save(String slackUserId, DmMode mode, boolean remindersOn) {
        PersonPreference preference = new PersonPreference(slackUserId, mode.word(), remindersOn, Instant.now(clock));
        if (repository.existsById(slackUserId)) {
            repository.update(preference);
        } else {
            repository.save(preference);
        }
    }
}
