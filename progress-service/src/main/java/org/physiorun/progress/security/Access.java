package org.physiorun.progress.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.physiorun.progress.domain.EnteredBy;
import org.physiorun.progress.repository.AthleteScope;
import org.physiorun.progress.repository.ProgressRepository;
import org.physiorun.support.security.Caller;

/**
 * The contract's access table for progress-service's data, in one place. Every resource asks it before it reads or
 * writes anything of an athlete; the roles that may call at all are on the resources ({@code @RolesAllowed}).
 *
 * <ul>
 *   <li>A runner reads all of their own progress, and nobody else's.</li>
 *   <li>A physiotherapist, clinic-admin or clinic system reads what belongs to their clinic's plans: one athlete's
 *       only when the athlete has a plan there, and then only that clinic's plans; the athletes list only the
 *       clinic's athletes.</li>
 *   <li>A runner logs sessions for themselves; a physiotherapist for the athletes whose active plan is their
 *       clinic's, vouching for them.</li>
 * </ul>
 * Anything else is a 403 that names nothing of the athlete, whether or not the athlete exists.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Access {

    private final SecurityIdentity identity;
    private final ProgressRepository repository;

    Access(SecurityIdentity identity, ProgressRepository repository) {
        this.identity = identity;
        this.repository = repository;
    }

    /** What of {@code athleteId}'s progress the caller may read. */
    public AthleteScope toRead(String athleteId) {
        Caller caller = Caller.of(identity);
        if (caller.isAthlete(athleteId)) {
            return AthleteScope.allPlansOf(athleteId);
        }
        if (caller.readsForClinic() && repository.hasPlanInClinic(athleteId, caller.clinicId())) {
            return AthleteScope.clinicPlansOf(athleteId, caller.clinicId());
        }
        throw new ForbiddenException();
    }

    /** The clinic whose athletes the caller lists. */
    public String clinicToList() {
        Caller caller = Caller.of(identity);
        if (caller.readsForClinic()) {
            return caller.clinicId();
        }
        throw new ForbiddenException();
    }

    /** Who enters a session for {@code athleteId}: the runner themselves, or a physiotherapist of their clinic. */
    public EnteredBy toLogFor(String athleteId) {
        Caller caller = Caller.of(identity);
        if (caller.isAthlete(athleteId)) {
            return EnteredBy.RUNNER;
        }
        if (caller.is(Caller.PHYSIO) && caller.clinicId() != null
                && repository.activePlan(athleteId).filter(plan -> caller.belongsTo(plan.clinicId)).isPresent()) {
            return EnteredBy.PHYSIO;
        }
        throw new ForbiddenException();
    }
}
