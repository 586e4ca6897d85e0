-- PostgreSQL variant of db/migration/V15__post_results.sql (Instant columns as TIMESTAMP WITH TIME ZONE).
CREATE TABLE post_result (
    post_id        TEXT    PRIMARY KEY,
    slack_user_id  TEXT,
    source         TEXT    NOT NULL,
    status         TEXT    NOT NULL,
    outcome        TEXT,
    remote_url     TEXT,
    label          TEXT,
    reason         TEXT,
    told           BOOLEAN NOT NULL DEFAULT FALSE,
    sent_at        TIMESTAMP WITH TIME ZONE,
    stats          TEXT,
    stats_told     BOOLEAN NOT NULL DEFAULT FALSE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX post_result_sent ON post_result (status, sent_at);
