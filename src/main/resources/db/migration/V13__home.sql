-- Per-person choices: how approval DMs arrive, and whether reminders go out.
CREATE TABLE person_preference (
    slack_user_id TEXT    PRIMARY KEY,
    dm_mode       TEXT    NOT NULL,
    reminders_on  INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);

-- The App Home as last published for a person: Slack's hash (a stale one is refused), the page shown, and
-- the items it showed (,id,id,) so a change to one of them republishes it.
CREATE TABLE home_view (
    slack_user_id TEXT    PRIMARY KEY,
    hash          TEXT,
    page          INTEGER NOT NULL,
    shown         TEXT    NOT NULL,
    published_at  INTEGER
);

-- One DM that stands for a burst of new items, updated in place while more arrive.
CREATE TABLE approval_dm_group (
    slack_user_id TEXT    PRIMARY KEY,
    channel_id    TEXT    NOT NULL,
    ts            TEXT    NOT NULL,
    item_count    INTEGER NOT NULL,
    opened_at     INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
