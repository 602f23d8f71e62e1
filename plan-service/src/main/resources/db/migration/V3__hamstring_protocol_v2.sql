-- The hamstring framework, version 2: version 1 plus the time rules of protocol section 4a (how often a
-- session may count, sprint spacing, the effort band of a sprint level, the least time before clearance,
-- how late a runner may log). New figures make a new version: plans made from version 1 keep what they
-- were made from. Copied from version 1 so that the rest of the framework cannot drift between versions.

INSERT INTO protocol (id, version, definition)
SELECT id, 2, definition || '{"timeRules": {
  "sprintMinDaysBetween": 2,
  "sprintMinHoursBetween": 36,
  "levelTolerance": 5,
  "clearanceMinDays": 14,
  "maxLateHours": 72
}}'::jsonb
FROM protocol
WHERE id = 'hamstring-return-to-run' AND version = 1;
