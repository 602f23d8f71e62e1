package org.physiorun.progress.repository;

import java.util.Objects;

/**
 * Which of one athlete's plans a reader may look at: all of them (the runner themselves), or only those that belong
 * to one clinic (its physiotherapists, admins and systems). The queries apply it in SQL.
 */
public record AthleteScope(String athleteId, String clinicId) {

    /** Every plan of the athlete. */
    public static AthleteScope allPlansOf(String athleteId) {
        return new AthleteScope(athleteId, null);
    }

    /** Only the athlete's plans that belong to {@code clinicId}. */
    public static AthleteScope clinicPlansOf(String athleteId, String clinicId) {
        return new AthleteScope(athleteId, Objects.requireNonNull(clinicId, "a clinic's scope names the clinic"));
    }

    public boolean limitedToClinic() {
        return clinicId != null;
    }
}
