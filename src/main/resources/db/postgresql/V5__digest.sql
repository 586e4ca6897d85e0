-- PostgreSQL variant of db/migration/V5__digest.sql (Instant columns as TIMESTAMP WITH TIME ZONE).
CREATE TABLE digest_subscription (
    id             TEXT PRIMARY KEY,
    kind           TEXT    NOT NULL,
    target         TEXT    NOT NULL,
    local_time     TEXT    NOT NULL,
    zone           TEXT    NOT NULL,
    set_by         TEXT    NOT NULL,
    active_from    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sent_date TEXT,
    last_sent_at   TIMESTAMP WITH TIME ZONE,
    retry_at       TIMESTAMP WITH TIME ZONE,
    last_error     TEXT
);
