-- Slack files lent to Oktopost for a media upload, one row per file of a scheduling submission (batch_id).
-- Oktopost fetches each from /media/{token}; only the SHA-256 of the token is kept, so the table does not hold
-- the unguessable part of the address. The path answers while expires_at is ahead: an hour at most, and
-- until Oktopost has the file. status: uploading, complete, failed.
CREATE TABLE media_upload (
    token_hash    TEXT PRIMARY KEY,
    batch_id      TEXT    NOT NULL,
    position      INTEGER NOT NULL,
    slack_file_id TEXT    NOT NULL,
    source_url    TEXT    NOT NULL,
    name          TEXT    NOT NULL,
    mime_type     TEXT    NOT NULL,
    size          INTEGER NOT NULL,
    upload_id     TEXT,
    media_id      TEXT,
    status        TEXT    NOT NULL,
    error         TEXT,
    expires_at    INTEGER NOT NULL,
    created_at    INTEGER NOT NULL
);
CREATE UNIQUE INDEX media_upload_batch ON media_upload (batch_id, position);
