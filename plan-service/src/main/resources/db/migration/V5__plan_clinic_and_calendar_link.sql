-- A plan belongs to the clinic of the token that made it (a runner's own clinic when they made it themselves);
-- its readers are the athlete and that clinic. Plans made before there were identities belong to no clinic, so
-- only the athlete themselves reads them.
ALTER TABLE plan ADD COLUMN clinic_id VARCHAR(128);

-- The secret in the plan's private calendar link: calendar apps cannot send a bearer token, so the link itself
-- is the credential, and renewing it replaces it. Kept in clear because every plan answer shows the link. Plans
-- made before links existed get one here (two random UUIDs: 244 random bits); new ones get 256 bits.
ALTER TABLE plan ADD COLUMN calendar_token VARCHAR(64);
UPDATE plan SET calendar_token = replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
ALTER TABLE plan ALTER COLUMN calendar_token SET NOT NULL;
CREATE UNIQUE INDEX plan_by_calendar_token ON plan (calendar_token);
