-- Background work kept in feature tables is tried a limited number of times, with backoff (jobs/Retry), and
-- stays visible as failed once its attempts are used up.
-- schedule_request: attempts made so far, and when the next one is due (NULL: at once). A request waiting for
-- its next attempt is 'accepted' again, with its progress kept, so the retry skips what was created.
ALTER TABLE schedule_request ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE schedule_request ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;
-- story_announcement: posts tried so far; a row whose attempts are used up turns 'failed' (note says why).
ALTER TABLE story_announcement ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
