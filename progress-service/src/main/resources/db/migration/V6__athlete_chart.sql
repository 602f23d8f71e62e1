-- What the rules keep of each athlete where the last walk through the plan stopped (the domain's AthleteChart, as
-- JSON): a new session performed after that point is judged from it, without reading the athlete's history. Null
-- until the next walk writes it. sessions_stored counts the plan's stored sessions: a chart that took in fewer (a
-- walk as of an earlier time left some out) is not taken up, and the whole plan is walked again.
ALTER TABLE athlete_progress ADD COLUMN chart JSONB;
ALTER TABLE athlete_progress ADD COLUMN sessions_stored INTEGER NOT NULL DEFAULT 0;
