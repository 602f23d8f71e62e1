-- plan-service's own data: the protocols as versioned documents, the athletes' plans, and the progression
-- events already applied (so that a redelivered event changes nothing).

CREATE TABLE protocol (
    id           VARCHAR(64) NOT NULL,
    version      INTEGER     NOT NULL CHECK (version >= 1),
    -- the whole framework (phases, gates, parameters) as one typed document; a version is never edited
    definition   JSONB       NOT NULL,
    published_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (id, version)
);

CREATE TABLE plan (
    id               UUID PRIMARY KEY,
    athlete_id       VARCHAR(128) NOT NULL,
    injury_date      DATE         NOT NULL,
    time_zone        VARCHAR(64)  NOT NULL,
    side             VARCHAR(8)   NOT NULL CHECK (side IN ('LEFT', 'RIGHT')),
    grade            INTEGER      NOT NULL CHECK (grade BETWEEN 1 AND 2),
    mechanism        VARCHAR(16)  NOT NULL CHECK (mechanism IN ('SPRINTING', 'STRETCHING')),
    protocol_id      VARCHAR(64)  NOT NULL,
    protocol_version INTEGER      NOT NULL,
    status           VARCHAR(8)   NOT NULL CHECK (status IN ('ACTIVE', 'CLOSED')),
    current_phase    INTEGER      NOT NULL CHECK (current_phase >= 1),
    created_at       TIMESTAMPTZ  NOT NULL,
    closed_at        TIMESTAMPTZ,
    closed_reason    TEXT,
    -- the catalogue's exercises copied when the plan was made: later catalogue edits leave the plan alone
    prescriptions    JSONB        NOT NULL,
    version          INTEGER      NOT NULL DEFAULT 0,
    FOREIGN KEY (protocol_id, protocol_version) REFERENCES protocol (id, version),
    CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL))
);

-- One active plan per athlete, whatever races between two requests.
CREATE UNIQUE INDEX plan_one_active_per_athlete ON plan (athlete_id) WHERE status = 'ACTIVE';
CREATE INDEX plan_by_athlete ON plan (athlete_id, created_at DESC);

CREATE TABLE processed_event (
    event_id     VARCHAR(255) PRIMARY KEY,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
