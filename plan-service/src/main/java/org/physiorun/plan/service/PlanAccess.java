package org.physiorun.plan.service;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.physiorun.plan.domain.Plan;
import org.physiorun.support.problem.ProblemException;
import org.physiorun.support.security.Caller;

import java.util.Optional;

/**
 * Whose plans the caller may make, read and change: the one place plan-service applies the contract's access
 * table. The resources' role annotations decide who may call an endpoint at all; this decides which athlete's
 * and which clinic's plans. A runner has their own plans; a physiotherapist, a clinic-admin and a clinic's
 * system have their clinic's, and a clinic's system only reads. A refusal is a 403 that shows nothing of the plan.
 */
@ApplicationScoped
public class PlanAccess {

    private final SecurityIdentity identity;

    PlanAccess(SecurityIdentity identity) {
        this.identity = identity;
    }

    /**
     * The clinic a new plan for {@code athleteId} belongs to: the caller's.
     *
     * @throws ProblemException 403 for a runner making a plan for someone else, or a caller without a clinic
     */
    public String clinicOfNewPlan(String athleteId) {
        Caller caller = caller();
        if (caller.clinicId() == null) {
            throw forbidden("Your account belongs to no clinic, and every plan belongs to one.");
        }
        if (caller.is(Caller.PHYSIO) || caller.is(Caller.CLINIC_ADMIN) || caller.isAthlete(athleteId)) {
            return caller.clinicId();
        }
        throw forbidden("A runner makes plans for themselves only.");
    }

    /** The plan, when the caller may read it. */
    public Plan readable(Plan plan) {
        Caller caller = caller();
        if (caller.isAthlete(plan.athleteId) || caller.readsForClinic() && caller.belongsTo(plan.clinicId)) {
            return plan;
        }
        throw notYours();
    }

    /** The plan, when the caller may change its settings or its calendar link. */
    public Plan changeable(Plan plan) {
        Caller caller = caller();
        if (caller.isAthlete(plan.athleteId)
                || (caller.is(Caller.PHYSIO) || caller.is(Caller.CLINIC_ADMIN)) && caller.belongsTo(plan.clinicId)) {
            return plan;
        }
        throw notYours();
    }

    /**
     * Which of the athlete's plans the caller may list: empty for the athlete themselves (all of them), a clinic
     * for that clinic's readers (the plans of that clinic only, whatever others the athlete has).
     *
     * @throws ProblemException 403 for a runner asking for another athlete
     */
    public Optional<String> clinicToListFor(String athleteId) {
        Caller caller = caller();
        if (caller.isAthlete(athleteId)) {
            return Optional.empty();
        }
        if (caller.readsForClinic()) {
            return Optional.of(caller.clinicId());
        }
        throw forbidden("A runner sees their own plans only.");
    }

    private Caller caller() {
        return Caller.of(identity);
    }

    private static ProblemException notYours() {
        return forbidden("This plan belongs to another athlete or another clinic.");
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(403, "/problems/forbidden", "Forbidden", detail);
    }
}
