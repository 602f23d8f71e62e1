package org.physiorun.progress.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a session counts toward nothing: the contract's reason codes. */
public enum NotCounted {
    OUT_OF_PHASE("out-of-phase"),
    BEFORE_PHASE_BEGAN("before-phase-began"),
    BEFORE_REGRESSION("before-regression"),
    LOGGED_TOO_LATE("logged-too-late"),
    BEYOND_PRESCRIBED_FREQUENCY("beyond-prescribed-frequency"),
    TOO_SOON_AFTER_LAST_SPRINT("too-soon-after-last-sprint"),
    ABOVE_PRESCRIBED_EFFORT("above-prescribed-effort"),
    BELOW_PRESCRIBED_EFFORT("below-prescribed-effort"),
    NOT_AT_DOSE("not-at-dose");

    private final String code;

    NotCounted(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static NotCounted ofCode(String code) {
        for (NotCounted reason : values()) {
            if (reason.code.equals(code)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("no reason code " + code);
    }
}
