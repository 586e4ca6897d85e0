-- Which replica brings an item's cards up to date right now: one at a time, so an older render never lands on
-- Slack after a newer one. held_until lets the hold of a replica that died run out.
CREATE TABLE card_sync (
    entity_id   TEXT   PRIMARY KEY,
    holder      TEXT   NOT NULL,
    held_until  BIGINT NOT NULL
);
