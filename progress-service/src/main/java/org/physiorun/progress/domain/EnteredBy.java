package org.physiorun.progress.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Who put a session in. A runner's own late entry has a limit (section 4a, rule 10); a physiotherapist's
 * entry and an operator's own producer are vouched for.
 */
public enum EnteredBy {
    RUNNER, PHYSIO, PRODUCER;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EnteredBy ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    boolean vouchedFor() {
        return this != RUNNER;
    }
}
