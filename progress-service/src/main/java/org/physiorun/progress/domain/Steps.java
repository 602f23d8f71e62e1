package org.physiorun.progress.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.physiorun.progress.domain.Decision.PhaseAdvanced;
import org.physiorun.progress.domain.Decision.ReturnToRunCleared;
import org.physiorun.progress.domain.Decision.SprintLevelAdvanced;

/** What an athlete can open next from where they stand, in the order the steps are tried. */
final class Steps {

    private final GatePlan plan;
    private final Criteria criteria;

    Steps(GatePlan plan, Criteria criteria) {
        this.plan = plan;
        this.criteria = criteria;
    }

    /** Something the athlete can open: its criteria, and the decision when all are met. */
    interface Step {

        List<CriterionResult> criteria(Criteria.Moment moment);

        Decision decision(List<String> criteria);

        NextGate nextGate(List<CriterionResult> criteria);
    }

    /**
     * The gate out of the phase; in the ladder phase the next sprint level and then, from the clearance
     * intensity on, clearance.
     */
    List<Step> pending(ProgressState state) {
        Optional<PhaseGate> gate = plan.gateFrom(state.phase());
        if (gate.isPresent()) {
            return List.of(new PhaseStep(gate.get()));
        }
        if (state.sprintLevel() == null) {
            return List.of();
        }
        List<Step> steps = new ArrayList<>();
        plan.ladder().levelAfter(state.sprintLevel())
                .ifPresent(next -> steps.add(new LadderStep(state.sprintLevel(), next)));
        if (!state.returnToRunCleared() && state.sprintLevel() >= plan.clearance().minIntensity()) {
            steps.add(new ClearanceStep());
        }
        return steps;
    }

    /** The gate to show the athlete: once clearance is in reach it is the goal, not the levels that may follow. */
    Optional<Step> next(ProgressState state) {
        if (state.returnToRunCleared()) {
            return Optional.empty();
        }
        return pending(state).stream().reduce((earlier, later) -> later);
    }

    /** The step a published decision took, if the athlete stands where it could be taken. */
    Optional<Step> takenBy(Decision decision, ProgressState state) {
        return pending(state).stream().filter(step -> step.decision(List.of()).key("", 0, null)
                .equals(decision.key("", 0, null))).findFirst();
    }

    /** The moments from which time alone could open a step: its earliest day, or the first day of clearance. */
    List<Instant> dayBound(ProgressState state) {
        List<Instant> moments = new ArrayList<>();
        plan.gateFrom(state.phase()).ifPresent(gate -> moments.add(plan.startOf(plan.dateOfDay(gate.earliestDay()))));
        if (state.sprintLevel() != null && !state.returnToRunCleared()) {
            moments.add(plan.startOf(criteria.clearanceDate(state)));
        }
        return moments;
    }

    private final class PhaseStep implements Step {

        private final PhaseGate gate;

        PhaseStep(PhaseGate gate) {
            this.gate = gate;
        }

        @Override
        public List<CriterionResult> criteria(Criteria.Moment moment) {
            List<CriterionResult> results = new ArrayList<>();
            results.add(criteria.minDay(gate, moment));
            gate.streaks().forEach(streak -> results.add(criteria.streak(streak, moment)));
            if (gate.easyRun() != null) {
                results.add(criteria.easyRun(gate.easyRun(), moment));
            }
            return results;
        }

        @Override
        public Decision decision(List<String> criteria) {
            return new PhaseAdvanced(gate.fromPhase(), gate.toPhase(), criteria);
        }

        @Override
        public NextGate nextGate(List<CriterionResult> criteria) {
            return new NextGate(gate.toPhase(), null, false, criteria);
        }
    }

    private final class LadderStep implements Step {

        private final int fromLevel;
        private final int toLevel;

        LadderStep(int fromLevel, int toLevel) {
            this.fromLevel = fromLevel;
            this.toLevel = toLevel;
        }

        @Override
        public List<CriterionResult> criteria(Criteria.Moment moment) {
            return List.of(criteria.sprintLevel(fromLevel, moment));
        }

        @Override
        public Decision decision(List<String> criteria) {
            return new SprintLevelAdvanced(fromLevel, toLevel, criteria);
        }

        @Override
        public NextGate nextGate(List<CriterionResult> criteria) {
            return new NextGate(null, toLevel, false, criteria);
        }
    }

    private final class ClearanceStep implements Step {

        @Override
        public List<CriterionResult> criteria(Criteria.Moment moment) {
            return List.of(criteria.clearanceSprints(moment), criteria.clearanceDrill(moment),
                    criteria.clearanceMinDays(moment));
        }

        @Override
        public Decision decision(List<String> criteria) {
            return new ReturnToRunCleared(criteria);
        }

        @Override
        public NextGate nextGate(List<CriterionResult> criteria) {
            return new NextGate(null, null, true, criteria);
        }
    }
}
