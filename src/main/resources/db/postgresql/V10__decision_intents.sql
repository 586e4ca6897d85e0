-- PostgreSQL variant of db/migration/V10__decision_intents.sql (Instant columns as TIMESTAMP WITH TIME ZONE).
CREATE TABLE approval_intent (
    id             TEXT    PRIMARY KEY,
    entity_id      TEXT    NOT NULL,
    round          INTEGER NOT NULL,
    step_id        TEXT    NOT NULL,
    slot           TEXT    NOT NULL,
    slack_user_id  TEXT    NOT NULL,
    approve        BOOLEAN NOT NULL,
    note           TEXT,
    answer_channel TEXT,
    confirm        BOOLEAN NOT NULL,
    status         TEXT    NOT NULL,
    owner          TEXT,
    lease_until    TIMESTAMP WITH TIME ZONE,
    attempts       INTEGER NOT NULL DEFAULT 0,
    outcome        TEXT,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (entity_id, round, step_id, slot)
);
CREATE INDEX approval_intent_live ON approval_intent (slot, lease_until);
