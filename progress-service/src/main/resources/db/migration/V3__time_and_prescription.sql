-- Section 4a of the protocol: sessions are judged in the order they were performed, so what a session meant is
-- recomputed when a late one arrives; who entered it and when it was first received decide whether it can count.

ALTER TABLE session_log RENAME COLUMN phase_at_logging TO phase;
ALTER TABLE session_log ADD COLUMN logged_at TIMESTAMPTZ;
UPDATE session_log SET logged_at = received_at;
ALTER TABLE session_log ALTER COLUMN logged_at SET NOT NULL;
ALTER TABLE session_log ADD COLUMN entered_by VARCHAR(16) NOT NULL DEFAULT 'runner'
    CHECK (entered_by IN ('runner', 'physio', 'producer'));
ALTER TABLE session_log ALTER COLUMN entered_by DROP DEFAULT;
-- null when the session counted; otherwise the contract's reason code and the same in words
ALTER TABLE session_log ADD COLUMN not_counted_because VARCHAR(40);
ALTER TABLE session_log ADD COLUMN explanation TEXT;

-- the phase was entered by a regression: only work both performed and logged after it counts
ALTER TABLE athlete_progress ADD COLUMN by_regression BOOLEAN NOT NULL DEFAULT FALSE;

-- when the decision takes effect in the order of performance (its session's time, or 00:00 of the day that opened
-- a gate), as opposed to decided_at, when it was made
ALTER TABLE progression_decision ADD COLUMN effective_at TIMESTAMPTZ;
UPDATE progression_decision d SET effective_at = COALESCE(
    (SELECT s.performed_at FROM session_log s WHERE s.event_id = d.session_event_id), d.decided_at);
ALTER TABLE progression_decision ALTER COLUMN effective_at SET NOT NULL;
CREATE INDEX progression_decision_plan ON progression_decision (plan_id, seq);

-- a published decision that sessions logged after it would not have allowed: it stands, for a physio to review
CREATE TABLE review_flag (
    plan_id      UUID         NOT NULL REFERENCES athlete_plan (plan_id),
    decision_key VARCHAR(200) NOT NULL,
    athlete_id   VARCHAR(64)  NOT NULL,
    effective_at TIMESTAMPTZ  NOT NULL,
    flagged_at   TIMESTAMPTZ  NOT NULL,
    message      TEXT         NOT NULL,
    PRIMARY KEY (plan_id, decision_key)
);
