-- A posted announcement is kept current: the story's title, link and expiry as last read from Oktopost (so the
-- card can still be drawn once the story is gone), and when Oktopost was last asked about it. A card whose
-- story has ended turns 'closing' with the reason in ended ('expired' or 'removed') before chat.update, and
-- 'closed' after, so a failed update is retried without asking Oktopost again and a done one is never repeated.
ALTER TABLE story_announcement ADD COLUMN title TEXT;
ALTER TABLE story_announcement ADD COLUMN link_url TEXT;
ALTER TABLE story_announcement ADD COLUMN expires_at INTEGER;
ALTER TABLE story_announcement ADD COLUMN checked_at INTEGER;
ALTER TABLE story_announcement ADD COLUMN ended TEXT;
CREATE INDEX story_announcement_expiry ON story_announcement (status, expires_at);
