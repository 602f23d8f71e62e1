package org.physiorun.plan.fhir;

import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityDetailComponent;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityStatus;
import org.hl7.fhir.r4.model.CarePlan.CarePlanIntent;
import org.hl7.fhir.r4.model.CarePlan.CarePlanStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Goal.GoalLifecycleStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Timing;
import org.hl7.fhir.r4.model.Timing.UnitsOfTime;
import org.physiorun.plan.domain.Plan;
import org.physiorun.plan.domain.PlanStatus;
import org.physiorun.plan.domain.Prescription;
import org.physiorun.plan.domain.ProtocolDefinition;
import org.physiorun.plan.domain.ProtocolDefinition.Phase;
import org.physiorun.plan.service.Doses;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * An athlete's plan as a FHIR Bundle (a collection): the CarePlan that instantiates the protocol's PlanDefinition,
 * with one activity per prescribed exercise (its dose, frequency, phase window and where the athlete is with it),
 * and the return-to-run Goal the CarePlan aims at.
 */
public final class PlanFhir {

    private static final String GOAL_ACHIEVEMENT = "http://terminology.hl7.org/CodeSystem/goal-achievement";

    private PlanFhir() {
    }

    public static Bundle bundle(Plan plan, ProtocolDefinition protocol, Instant now) {
        Goal goal = goal(plan, protocol);
        CarePlan carePlan = carePlan(plan, protocol, goal);
        Bundle bundle = new Bundle().setType(BundleType.COLLECTION);
        bundle.setId(plan.id.toString());
        bundle.setTimestamp(FhirTerms.instant(now).getValue());
        add(bundle, carePlan);
        add(bundle, goal);
        return bundle;
    }

    private static void add(Bundle bundle, Resource resource) {
        bundle.addEntry().setFullUrl(fullUrl(resource.getIdElement().getIdPart())).setResource(resource);
    }

    private static String fullUrl(String uuid) {
        return "urn:uuid:" + uuid;
    }

    private static CarePlan carePlan(Plan plan, ProtocolDefinition protocol, Goal goal) {
        CarePlan carePlan = new CarePlan();
        carePlan.setId(plan.id.toString());
        carePlan.addIdentifier(new Identifier().setSystem(FhirTerms.PLAN_SYSTEM).setValue(plan.id.toString()));
        carePlan.addInstantiatesCanonical(FhirTerms.protocolUrl(plan.protocolId) + "|" + plan.protocolVersion);
        carePlan.setStatus(plan.status == PlanStatus.ACTIVE ? CarePlanStatus.ACTIVE : CarePlanStatus.COMPLETED);
        carePlan.setIntent(CarePlanIntent.PLAN);
        carePlan.setTitle(protocol.name() + ", " + plan.side.name().toLowerCase() + " side");
        carePlan.setDescription("Grade " + plan.grade + " hamstring strain (" + plan.mechanism.name().toLowerCase()
                + "-type) of " + plan.injuryDate + "; now in phase " + plan.currentPhase + ".");
        carePlan.setSubject(FhirTerms.athlete(plan.athleteId));
        Period period = new Period().setStartElement(FhirTerms.dateTime(plan.injuryDate));
        if (plan.closedAt != null) {
            period.setEndElement(FhirTerms.instant(plan.closedAt));
        }
        carePlan.setPeriod(period);
        carePlan.setCreatedElement(FhirTerms.instant(plan.createdAt));
        carePlan.addGoal(new Reference(fullUrl(goal.getIdElement().getIdPart())));
        for (Phase phase : protocol.phases()) {
            for (String slug : phase.exercises()) {
                carePlan.addActivity().setDetail(activity(plan, phase, plan.prescription(slug)));
            }
        }
        return carePlan;
    }

    private static CarePlanActivityDetailComponent activity(Plan plan, Phase phase, Prescription prescription) {
        CarePlanActivityDetailComponent detail = new CarePlanActivityDetailComponent();
        detail.setCode(new CodeableConcept(new Coding(FhirTerms.EXERCISE_SYSTEM, prescription.slug(),
                prescription.name())).setText(prescription.name()));
        detail.setStatus(status(plan, phase));
        detail.setDescription("Phase " + phase.number() + " (" + phase.name() + "): "
                + Doses.describe(prescription.dosage()) + ". " + prescription.instructions());
        Timing timing = new Timing();
        Prescription.Frequency frequency = prescription.dosage().frequency();
        if (frequency != null) {
            timing.getRepeat().setFrequency(frequency.timesMin()).setPeriod(1)
                    .setPeriodUnit(frequency.per() == Prescription.Period.DAY ? UnitsOfTime.D : UnitsOfTime.WK);
            if (frequency.timesMax() != null && frequency.timesMax() > frequency.timesMin()) {
                timing.getRepeat().setFrequencyMax(frequency.timesMax());
            }
        }
        timing.getRepeat().setBounds(new Period()
                .setStartElement(FhirTerms.dateTime(plan.dateOfDay(phase.nominalStartDay())))
                .setEndElement(FhirTerms.dateTime(plan.dateOfDay(phase.nominalEndDay()))));
        detail.setScheduled(timing);
        return detail;
    }

    /** Where the athlete is with an exercise: its phase is behind them, theirs now, or still to come. */
    private static CarePlanActivityStatus status(Plan plan, Phase phase) {
        if (phase.number() < plan.currentPhase) {
            return CarePlanActivityStatus.COMPLETED;
        }
        if (plan.status != PlanStatus.ACTIVE) {
            return phase.number() == plan.currentPhase ? CarePlanActivityStatus.STOPPED
                    : CarePlanActivityStatus.CANCELLED;
        }
        return phase.number() == plan.currentPhase ? CarePlanActivityStatus.INPROGRESS
                : CarePlanActivityStatus.NOTSTARTED;
    }

    /**
     * Running again, cleared by the progress service's criteria; due at the trial's mean return time for the
     * athlete's kind of injury. Whether it is met is progress-service's to say (its return-to-run-cleared event),
     * so here it stays in progress while the plan is active.
     */
    private static Goal goal(Plan plan, ProtocolDefinition protocol) {
        Goal goal = new Goal();
        goal.setId(UUID.nameUUIDFromBytes(("goal:" + plan.id).getBytes(StandardCharsets.UTF_8)).toString());
        goal.setLifecycleStatus(plan.status == PlanStatus.ACTIVE ? GoalLifecycleStatus.ACTIVE
                : GoalLifecycleStatus.CANCELLED);
        goal.setAchievementStatus(new CodeableConcept(new Coding(GOAL_ACHIEVEMENT, "in-progress", "In Progress")));
        ProtocolDefinition.Clearance clearance = protocol.clearance();
        goal.setDescription(new CodeableConcept().setText("Return to running: the last " + clearance.sprintSessions()
                + " sprint sessions at " + clearance.minIntensity() + "% effort or more pain-free with no tightness,"
                + " and the last " + clearance.drillSessions() + " sessions of " + clearance.drillExercise()
                + " pain-free" + (protocol.timeRules() == null ? ""
                : ", no sooner than " + protocol.timeRules().clearanceMinDays() + " days after phase 4 began")));
        goal.setSubject(FhirTerms.athlete(plan.athleteId));
        goal.setStart(FhirTerms.date(plan.injuryDate));
        ProtocolDefinition.ExpectedReturn expected = protocol.expectedReturn();
        Integer meanDays = expected.meanDays().get(plan.mechanism);
        if (meanDays != null) {
            goal.addTarget().setDue(FhirTerms.date(plan.injuryDate.plusDays(meanDays)));
            goal.addNote(new Annotation().setText("Due date: " + meanDays + " days after the injury, the mean for a "
                    + plan.mechanism.name().toLowerCase() + "-type injury (" + expected.citation() + "). "
                    + expected.basis()));
        }
        return goal;
    }
}
