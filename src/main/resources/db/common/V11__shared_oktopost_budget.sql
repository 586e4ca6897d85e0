-- The Oktopost budget shared by every replica on the database. Each call of the last minute is a row
-- (called_at: epoch millis), so the minute and five-second windows are counted across replicas; the day's
-- count and the block stay in oktopost_budget. A budget transaction first updates the one row of
-- oktopost_budget_lock, which makes replicas take calls one at a time. The same SQL on SQLite and PostgreSQL.
CREATE TABLE oktopost_call (
    called_at BIGINT NOT NULL
);
CREATE INDEX oktopost_call_at ON oktopost_call (called_at);

CREATE TABLE oktopost_budget_lock (
    id    INTEGER PRIMARY KEY,
    taken BIGINT  NOT NULL
);
INSERT INTO oktopost_budget_lock (id, taken) VALUES (1, 0);
