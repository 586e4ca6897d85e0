-- PostgreSQL variant of db/migration/V13__home.sql (Instant columns as TIMESTAMP WITH TIME ZONE, BOOLEAN).
CREATE TABLE person_preference (
    slack_user_id TEXT    PRIMARY KEY,
    dm_mode       TEXT    NOT NULL,
    reminders_on  BOOLEAN NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE home_view (
    slack_user_id TEXT    PRIMARY KEY,
    hash          TEXT,
    page          INTEGER NOT NULL,
    shown         TEXT    NOT NULL,
    published_at  TIMESTAMP WITH TIME ZONE
);

CREATE TABLE approval_dm_group (
    slack_user_id TEXT    PRIMARY KEY,
    channel_id    TEXT    NOT NULL,
    ts            TEXT    NOT NULL,
    item_count    INTEGER NOT NULL,
    opened_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
