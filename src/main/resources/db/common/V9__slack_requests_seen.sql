-- Slack requests already handled, by signature (a replay) or event id (a retry), kept for an hour (longer than a
-- signature stays valid or Slack retries). In the database, so a repeat sent to another replica is recognised too.
CREATE TABLE slack_request_seen (
    request_key TEXT PRIMARY KEY,
    seen_at     BIGINT NOT NULL
);
CREATE INDEX slack_request_seen_at ON slack_request_seen (seen_at);
