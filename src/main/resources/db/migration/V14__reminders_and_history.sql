-- Reminder and escalation settings per workflow, set with /okto remind. Durations in seconds; escalate_after and
-- escalate_channel are both set or both empty.
CREATE TABLE reminder_rule (
    workflow_id      TEXT    PRIMARY KEY,
    workflow_name    TEXT    NOT NULL,
    remind_after     INTEGER NOT NULL,
    escalate_after   INTEGER,
    escalate_channel TEXT,
    set_by           TEXT    NOT NULL,
    updated_at       INTEGER NOT NULL
);

-- What the reminder sweep did for an item in an approval round: one row per approver reminded (reminded_at, the
-- last reminder, so the next comes a day later at the earliest) and one with slack_user_id '' for the escalation
-- (escalated_at). Rows of items that are no longer pending in that round are deleted by the sweep.
CREATE TABLE reminder_mark (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    entity_id     TEXT    NOT NULL,
    round         INTEGER NOT NULL,
    slack_user_id TEXT    NOT NULL,
    reminded_at   INTEGER,
    escalated_at  INTEGER,
    UNIQUE (entity_id, round, slack_user_id)
);

-- Every decision the app made or saw: who (a Slack user, or a name from Oktopost), when, at which step of which
-- workflow, on which item, the note, and where it was made (source 'slack' or 'oktopost'). Kept for
-- okto.history-days, then pruned; independent of the approval tables, so it outlives their rows.
CREATE TABLE decision_history (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    entity_id     TEXT    NOT NULL,
    round         INTEGER NOT NULL,
    workflow_id   TEXT    NOT NULL,
    workflow_name TEXT    NOT NULL,
    step_id       TEXT    NOT NULL,
    step_label    TEXT    NOT NULL,
    item          TEXT    NOT NULL,
    outcome       TEXT    NOT NULL,
    slack_user_id TEXT,
    by_name       TEXT,
    note          TEXT,
    source        TEXT    NOT NULL,
    decided_at    INTEGER NOT NULL
);
CREATE INDEX decision_history_time ON decision_history (decided_at);
