-- The clinic each plan belongs to (plan-created's clinicId): a clinic's physiotherapists, admins and systems read
-- only what belongs to their clinic's plans. A plan copied before plans named their clinic keeps none, so no
-- clinic reader sees it; the runner still sees their own.
ALTER TABLE athlete_plan ADD COLUMN clinic_id VARCHAR(64);

CREATE INDEX athlete_plan_clinic ON athlete_plan (clinic_id, athlete_id);
