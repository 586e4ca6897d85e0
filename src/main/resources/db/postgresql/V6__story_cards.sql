-- PostgreSQL variant of db/migration/V6__story_cards.sql (Instant columns as TIMESTAMP WITH TIME ZONE).
ALTER TABLE story_announcement ADD COLUMN title TEXT;
ALTER TABLE story_announcement ADD COLUMN link_url TEXT;
ALTER TABLE story_announcement ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE story_announcement ADD COLUMN checked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE story_announcement ADD COLUMN ended TEXT;
CREATE INDEX story_announcement_expiry ON story_announcement (status, expires_at);
