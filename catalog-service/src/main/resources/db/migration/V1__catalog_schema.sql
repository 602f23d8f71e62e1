-- The catalogue: evidence citations, exercises with structured doses, and which claim each citation supports.

CREATE TABLE citation (
    id         VARCHAR(64) PRIMARY KEY,
    authors    TEXT         NOT NULL,
    title      TEXT         NOT NULL,
    journal    TEXT         NOT NULL,
    year       INTEGER      NOT NULL,
    volume     VARCHAR(16),
    issue      VARCHAR(16),
    pages      VARCHAR(32),
    doi        VARCHAR(128),
    pmid       VARCHAR(16),
    findings   TEXT         NOT NULL,
    -- where the article and the paper disagree, the paper's figure stands and the difference is noted here
    note       TEXT
);

CREATE TABLE exercise (
    slug                VARCHAR(64) PRIMARY KEY,
    number              INTEGER      NOT NULL UNIQUE,
    name                VARCHAR(120) NOT NULL,
    phase               INTEGER      NOT NULL CHECK (phase BETWEEN 1 AND 4),
    focus               TEXT         NOT NULL,
    instructions        TEXT         NOT NULL,
    progression_note    TEXT,
    sets                INTEGER      NOT NULL CHECK (sets >= 1),
    reps_min            INTEGER,
    reps_max            INTEGER,
    hold_seconds_min    INTEGER,
    hold_seconds_max    INTEGER,
    distance_metres_min INTEGER,
    distance_metres_max INTEGER,
    per_side            BOOLEAN      NOT NULL DEFAULT FALSE,
    lower_seconds       INTEGER,
    frequency_times_min INTEGER,
    frequency_times_max INTEGER,
    frequency_per       VARCHAR(8) CHECK (frequency_per IN ('DAY', 'WEEK')),
    pain_ceiling        INTEGER CHECK (pain_ceiling BETWEEN 0 AND 10),
    dosage_notes        TEXT,
    retired             BOOLEAN      NOT NULL DEFAULT FALSE,
    version             INTEGER      NOT NULL DEFAULT 0,
    CHECK (reps_min IS NULL OR reps_max IS NULL OR reps_min <= reps_max),
    CHECK (hold_seconds_min IS NULL OR hold_seconds_max IS NULL OR hold_seconds_min <= hold_seconds_max),
    CHECK (distance_metres_min IS NULL OR distance_metres_max IS NULL OR distance_metres_min <= distance_metres_max),
    CHECK (frequency_times_min IS NULL OR frequency_times_max IS NULL OR frequency_times_min <= frequency_times_max)
);

CREATE TABLE exercise_citation (
    exercise_slug VARCHAR(64) NOT NULL REFERENCES exercise (slug) ON DELETE CASCADE,
    citation_id   VARCHAR(64) NOT NULL REFERENCES citation (id),
    position      INTEGER     NOT NULL,
    claim         TEXT        NOT NULL,
    PRIMARY KEY (exercise_slug, citation_id)
);
