-- When the athlete wants the day's reminder, as a local time of day in their own zone. Plans made before
-- reminders existed get the default every new plan gets.
ALTER TABLE plan ADD COLUMN reminder_time TIME NOT NULL DEFAULT '08:00';
