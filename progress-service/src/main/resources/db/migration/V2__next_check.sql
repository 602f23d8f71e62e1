-- When time alone may next open a gate for the athlete (the first moment of that gate's earliest day, in
-- the athlete's zone): the scheduled re-evaluation looks only at athletes whose moment has come.
ALTER TABLE athlete_progress ADD COLUMN next_check_at TIMESTAMPTZ;

CREATE INDEX athlete_progress_next_check ON athlete_progress (next_check_at) WHERE next_check_at IS NOT NULL;

-- Athletes already in progress are looked at once, which sets their next moment.
UPDATE athlete_progress SET next_check_at = now() WHERE NOT cleared;
