-- Submissions of the scheduling modal, keyed by Slack's view id so a second submit of the same modal is
-- recognised. plan is what to create; progress holds the Oktopost ids created so far and the call in flight,
-- saved after every call, so a failure can remove exactly what exists and a restart can carry on.
CREATE TABLE schedule_request (
    view_id       TEXT PRIMARY KEY,
    slack_user_id TEXT    NOT NULL,
    plan          TEXT    NOT NULL,
    progress      TEXT    NOT NULL,
    status        TEXT    NOT NULL,
    outcome       TEXT,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE INDEX schedule_request_status ON schedule_request (status, updated_at);
