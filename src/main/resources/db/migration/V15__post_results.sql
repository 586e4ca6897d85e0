-- A post the app made for someone in Slack (scheduled, or shared from a story), or whose approval card it
-- posted, and what became of it once Oktopost sent it (the postSent webhook and the post log).
-- slack_user_id: who made it from Slack; null for a post only an approval card knows.
-- status: 'waiting' until sent, then 'live' (live on at least one profile) or 'failed'.
-- outcome: the lines told (a live link or Oktopost's reason per profile); told once they went out.
-- remote_url, label: the first live link and where it is ("LinkedIn (Acme LinkedIn Page)"), for the results.
-- reason: Oktopost's Error, as it gave it, for the digest's failed posts.
CREATE TABLE post_result (
    post_id        TEXT    PRIMARY KEY,
    slack_user_id  TEXT,
    source         TEXT    NOT NULL,
    status         TEXT    NOT NULL,
    outcome        TEXT,
    remote_url     TEXT,
    label          TEXT,
    reason         TEXT,
    told           INTEGER NOT NULL DEFAULT 0,
    sent_at        BIGINT,
    stats          TEXT,
    stats_told     INTEGER NOT NULL DEFAULT 0,
    created_at     BIGINT  NOT NULL,
    updated_at     BIGINT  NOT NULL
);
CREATE INDEX post_result_sent ON post_result (status, sent_at);
