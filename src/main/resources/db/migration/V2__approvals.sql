-- An Oktopost item waiting for (or through with) approval, as the cards show it. One row per entity
-- (post, message or story id); 'round' counts how often it was sent to approval, so a rejected item sent
-- again gets fresh cards. approver_ids (',id,id,') lets a click be authorised without calling Oktopost.
-- deciding_by/deciding_since claim the decision, so two clicks make one Oktopost call. version grows on
-- every change a card shows; a card whose rendered_version is lower is updated.
CREATE TABLE approval_item (
    entity_id      TEXT PRIMARY KEY,
    round          INTEGER NOT NULL,
    entity_type    TEXT    NOT NULL,
    workflow_id    TEXT    NOT NULL,
    step_id        TEXT    NOT NULL,
    step           TEXT    NOT NULL,
    approver_ids   TEXT    NOT NULL,
    status         TEXT    NOT NULL,
    content        TEXT    NOT NULL,
    author_id      TEXT,
    deciding_by    TEXT,
    deciding_since INTEGER,
    author_notice  TEXT    NOT NULL DEFAULT 'none',
    version        INTEGER NOT NULL,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);
CREATE INDEX approval_item_status ON approval_item (status);

-- What happened at each step: approved, rejected or removed, by whom (a Slack user, or a name from
-- Oktopost), with the note, as the cards list it.
CREATE TABLE approval_decision (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    entity_id     TEXT    NOT NULL,
    round         INTEGER NOT NULL,
    step_id       TEXT    NOT NULL,
    step_label    TEXT    NOT NULL,
    outcome       TEXT    NOT NULL,
    slack_user_id TEXT,
    by_name       TEXT,
    note          TEXT,
    source        TEXT    NOT NULL,
    decided_at    INTEGER NOT NULL
);
CREATE INDEX approval_decision_item ON approval_decision (entity_id, round);

-- Every Slack message showing an item: the channel card, and a DM to each approver of each step it reaches
-- (step_id is '' for the channel card). A row is 'due' before anything is posted, 'posting' just before
-- chat.postMessage and 'posted' (with channel and ts) after, so a crash neither loses a card nor posts it
-- twice; 'failed' and 'skipped' rows say why in note. destination is the channel id, or the user id for a DM.
CREATE TABLE approval_card (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    entity_id        TEXT    NOT NULL,
    round            INTEGER NOT NULL,
    destination      TEXT    NOT NULL,
    step_id          TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    status           TEXT    NOT NULL,
    channel_id       TEXT,
    ts               TEXT,
    rendered_version INTEGER NOT NULL DEFAULT 0,
    attempts         INTEGER NOT NULL DEFAULT 0,
    due_at           INTEGER NOT NULL,
    attempted_at     INTEGER,
    note             TEXT,
    created_at       INTEGER NOT NULL,
    UNIQUE (entity_id, round, destination, step_id)
);
CREATE INDEX approval_card_due ON approval_card (status, due_at);
CREATE INDEX approval_card_item ON approval_card (entity_id, round);
