-- PostgreSQL variant of db/migration/V3__scheduling.sql (Instant columns as TIMESTAMP WITH TIME ZONE).
CREATE TABLE schedule_request (
    view_id       TEXT PRIMARY KEY,
    slack_user_id TEXT    NOT NULL,
    plan          TEXT    NOT NULL,
    progress      TEXT    NOT NULL,
    status        TEXT    NOT NULL,
    outcome       TEXT,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX schedule_request_status ON schedule_request (status, updated_at);
