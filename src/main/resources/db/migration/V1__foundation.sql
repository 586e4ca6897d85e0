-- Slack users linked to their Oktopost user and advocate, found by e-mail.
CREATE TABLE person_link (
    slack_user_id      TEXT PRIMARY KEY,
    email              TEXT NOT NULL,
    oktopost_user_id   TEXT,
    oktopost_user_name TEXT,
    advocate_id        TEXT,
    advocate_name      TEXT,
    dm_enabled         INTEGER NOT NULL DEFAULT 1,
    linked_at          INTEGER NOT NULL
);
CREATE UNIQUE INDEX person_link_oktopost_user ON person_link (oktopost_user_id);
CREATE INDEX person_link_advocate ON person_link (advocate_id);

-- Every accepted webhook event, stored before it is answered; dedup_key recognises a repeated delivery.
CREATE TABLE webhook_inbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    dedup_key       TEXT    NOT NULL UNIQUE,
    event_type      TEXT    NOT NULL,
    webhook_id      TEXT,
    payload         TEXT    NOT NULL,
    received_at     INTEGER NOT NULL,
    status          TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT,
    processed_at    INTEGER
);
CREATE INDEX webhook_inbox_due ON webhook_inbox (status, next_attempt_at);

-- Webhooks this app registered in Oktopost, with the secret Oktopost returned for each.
CREATE TABLE webhook_registration (
    webhook_id TEXT PRIMARY KEY,
    event_type TEXT NOT NULL,
    url        TEXT NOT NULL,
    secret     TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

-- Which Slack channel gets what: 'workflow:<id>' for approval cards, 'stories' for the advocacy board.
CREATE TABLE channel_route (
    route_key  TEXT PRIMARY KEY,
    channel_id TEXT NOT NULL,
    label      TEXT,
    set_by     TEXT NOT NULL,
    set_at     INTEGER NOT NULL
);

-- Oktopost calls made per UTC day, and a block Oktopost imposed, so both survive a restart.
CREATE TABLE oktopost_budget (
    day           TEXT PRIMARY KEY,
    calls         INTEGER NOT NULL,
    blocked_until INTEGER NOT NULL DEFAULT 0
);
