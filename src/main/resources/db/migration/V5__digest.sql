-- Daily digests: one per channel ('channel:<id>') and one per approver who opted in ('person:<slack user id>').
-- last_sent_date is the local date (yyyy-MM-dd in zone) of the last send; claiming a day is a conditional
-- UPDATE on it, so a digest goes out at most once per local day however many ticks or processes race.
CREATE TABLE digest_subscription (
    id             TEXT PRIMARY KEY,
    kind           TEXT    NOT NULL,
    target         TEXT    NOT NULL,
    local_time     TEXT    NOT NULL,
    zone           TEXT    NOT NULL,
    set_by         TEXT    NOT NULL,
    active_from    INTEGER NOT NULL,
    last_sent_date TEXT,
    last_sent_at   INTEGER,
    retry_at       INTEGER,
    last_error     TEXT
);
