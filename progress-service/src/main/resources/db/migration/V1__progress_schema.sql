-- progress-service's own copy of each athlete's plan (from plan-events), the sessions it counted,
-- where each athlete stands, and every progression decision it made.

CREATE TABLE athlete_plan (
    plan_id      UUID         PRIMARY KEY,
    athlete_id   VARCHAR(64)  NOT NULL,
    -- the gates and every parameter, as plan-created carried them
    gate_plan    JSONB        NOT NULL,
    active       BOOLEAN      NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    closed_at    TIMESTAMPTZ
);

CREATE UNIQUE INDEX athlete_plan_one_active ON athlete_plan (athlete_id) WHERE active;

CREATE TABLE athlete_progress (
    plan_id            UUID        PRIMARY KEY REFERENCES athlete_plan (plan_id),
    athlete_id         VARCHAR(64) NOT NULL,
    phase              INTEGER     NOT NULL,
    phase_since        TIMESTAMPTZ NOT NULL,
    sprint_level       INTEGER,
    sprint_level_since TIMESTAMPTZ,
    cleared            BOOLEAN     NOT NULL DEFAULT FALSE,
    -- how many times the athlete was sent back: part of each decision's key, since a gate may open again
    regressions        INTEGER     NOT NULL DEFAULT 0,
    updated_at         TIMESTAMPTZ NOT NULL
);

CREATE TABLE session_log (
    event_id          UUID         PRIMARY KEY,
    plan_id           UUID         NOT NULL REFERENCES athlete_plan (plan_id),
    athlete_id        VARCHAR(64)  NOT NULL,
    exercise          VARCHAR(64)  NOT NULL,
    performed_at      TIMESTAMPTZ  NOT NULL,
    sets              INTEGER,
    reps              INTEGER,
    hold_seconds      INTEGER,
    distance_metres   INTEGER,
    efforts           INTEGER,
    intensity_percent INTEGER,
    load_kg           NUMERIC(6, 2),
    pain_during       INTEGER,
    pain_after        INTEGER,
    full_range        BOOLEAN,
    tightness         BOOLEAN,
    notes             TEXT,
    phase_at_logging  INTEGER      NOT NULL,
    out_of_phase      BOOLEAN      NOT NULL,
    at_dose           BOOLEAN      NOT NULL,
    pain_free         BOOLEAN      NOT NULL,
    received_at       TIMESTAMPTZ  NOT NULL
);

CREATE INDEX session_log_plan_time ON session_log (plan_id, performed_at);
CREATE INDEX session_log_athlete_time ON session_log (athlete_id, performed_at DESC);

CREATE TABLE progression_decision (
    seq              BIGSERIAL    PRIMARY KEY,
    event_id         UUID         NOT NULL UNIQUE,
    -- what was decided, for whom and when in the plan: a second identical decision cannot be stored
    decision_key     VARCHAR(200) NOT NULL UNIQUE,
    plan_id          UUID         NOT NULL REFERENCES athlete_plan (plan_id),
    athlete_id       VARCHAR(64)  NOT NULL,
    type             VARCHAR(80)  NOT NULL,
    session_event_id UUID,
    decided_at       TIMESTAMPTZ  NOT NULL,
    -- the CloudEvent exactly as published
    event            JSONB        NOT NULL
);

CREATE INDEX progression_decision_athlete ON progression_decision (athlete_id, seq);

CREATE TABLE processed_plan_event (
    event_id     UUID        PRIMARY KEY,
    processed_at TIMESTAMPTZ NOT NULL
);
