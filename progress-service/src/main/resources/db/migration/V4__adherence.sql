-- Adherence is checked once a day per athlete (the first moment of the athlete's next local day): the scheduled
-- re-evaluation looks only at athletes whose moment has come.
ALTER TABLE athlete_progress ADD COLUMN next_adherence_check_at TIMESTAMPTZ;
UPDATE athlete_progress SET next_adherence_check_at = now() WHERE NOT cleared;
CREATE INDEX athlete_progress_adherence_check ON athlete_progress (next_adherence_check_at)
    WHERE next_adherence_check_at IS NOT NULL;
