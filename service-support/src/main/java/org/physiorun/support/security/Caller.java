package org.physiorun.support.security;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/**
 * Who is calling, as the access token says: the realm roles and the {@code clinic_id} and {@code athlete_id}
 * claims of the PhysioRun realm. Each service decides with it what this caller may see or do.
 */
public record Caller(String username, Set<String> roles, String clinicId, String athleteId) {

    public static final String RUNNER = "runner";
    public static final String PHYSIO = "physio";
    public static final String CLINIC_ADMIN = "clinic-admin";
    public static final String CLINIC_SYSTEM = "clinic-system";

    /** The caller behind a verified token, or an anonymous one (no roles, no clinic) without a token. */
    public static Caller of(SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return new Caller(null, Set.of(), null, null);
        }
        return new Caller(token.getClaim("preferred_username"), identity.getRoles(),
                token.getClaim("clinic_id"), token.getClaim("athlete_id"));
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    /**
     * A physiotherapist, a clinic-admin or a clinic's system: someone who reads for a whole clinic. Without a clinic
     * in the token they read for none.
     */
    public boolean readsForClinic() {
        return clinicId != null && (is(PHYSIO) || is(CLINIC_ADMIN) || is(CLINIC_SYSTEM));
    }

    /** True when this caller is the runner {@code athleteId} themselves. */
    public boolean isAthlete(String athleteId) {
        return is(RUNNER) && this.athleteId != null && this.athleteId.equals(athleteId);
    }

    /** True when {@code clinicId} is this caller's clinic. */
    public boolean belongsTo(String clinicId) {
        return this.clinicId != null && this.clinicId.equals(clinicId);
    }
}
