-- New board stories announced in Slack: one row per story and channel. A row is written as 'due' before
-- anything is posted, turns 'posting' just before chat.postMessage and 'posted' (with the message ts) after,
-- so a crash neither loses an announcement nor repeats one. 'skipped' rows say why in note.
CREATE TABLE story_announcement (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    story_id     TEXT    NOT NULL,
    channel_id   TEXT    NOT NULL,
    board_id     TEXT,
    status       TEXT    NOT NULL,
    due_at       INTEGER NOT NULL,
    attempted_at INTEGER,
    message_ts   TEXT,
    note         TEXT,
    created_at   INTEGER NOT NULL,
    UNIQUE (story_id, channel_id)
);
CREATE INDEX story_announcement_due ON story_announcement (status, due_at);

-- Share and suggest-as-story submissions, keyed by Slack's modal id so a second submission of the same
-- modal is recognised. payload holds what was asked and how far it got, so work resumes after a restart.
CREATE TABLE story_request (
    view_id         TEXT PRIMARY KEY,
    kind            TEXT    NOT NULL,
    slack_user_id   TEXT    NOT NULL,
    payload         TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX story_request_due ON story_request (status, next_attempt_at);
