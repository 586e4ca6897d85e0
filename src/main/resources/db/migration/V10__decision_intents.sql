-- A click on Approve, or a sent reject form, recorded before Slack gets its ack and carried out after it.
-- slot is 'live' until the decision is done or has failed, then the row's own id: the unique key lets one
-- live decision exist per item, round and step, so a second click is told who is deciding.
-- status: 'open' (Oktopost not asked yet), 'sending' (the decision call may have reached Oktopost, so a
-- resumed decision reads the item before it calls again), 'done' or 'failed'.
-- owner and lease_until: the process carrying it out renews its lease while it works; a lease that ran out
-- is taken over, so a decision outlives the process that took it.
-- answer_channel: where the person is answered (an ephemeral message there, else a DM).
CREATE TABLE approval_intent (
    id             TEXT    PRIMARY KEY,
    entity_id      TEXT    NOT NULL,
    round          INTEGER NOT NULL,
    step_id        TEXT    NOT NULL,
    slot           TEXT    NOT NULL,
    slack_user_id  TEXT    NOT NULL,
    approve        INTEGER NOT NULL,
    note           TEXT,
    answer_channel TEXT,
    confirm        INTEGER NOT NULL,
    status         TEXT    NOT NULL,
    owner          TEXT,
    lease_until    BIGINT,
    attempts       INTEGER NOT NULL DEFAULT 0,
    outcome        TEXT,
    created_at     BIGINT  NOT NULL,
    updated_at     BIGINT  NOT NULL,
    UNIQUE (entity_id, round, step_id, slot)
);
CREATE INDEX approval_intent_live ON approval_intent (slot, lease_until);
