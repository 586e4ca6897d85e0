-- PostgreSQL variant of db/migration/V16__media_from_slack.sql (Instant columns as TIMESTAMP WITH TIME ZONE).
CREATE TABLE media_upload (
    token_hash    TEXT PRIMARY KEY,
    batch_id      TEXT    NOT NULL,
    position      INTEGER NOT NULL,
    slack_file_id TEXT    NOT NULL,
    source_url    TEXT    NOT NULL,
    name          TEXT    NOT NULL,
    mime_type     TEXT    NOT NULL,
    size          BIGINT  NOT NULL,
    upload_id     TEXT,
    media_id      TEXT,
    status        TEXT    NOT NULL,
    error         TEXT,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX media_upload_batch ON media_upload (batch_id, position);
