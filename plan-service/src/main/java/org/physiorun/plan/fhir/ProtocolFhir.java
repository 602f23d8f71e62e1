package org.physiorun.plan.fhir;

import org.hl7.fhir.r4.model.ActivityDefinition;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Expression;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.PlanDefinition.ActionConditionKind;
import org.hl7.fhir.r4.model.PlanDefinition.ActionRelationshipType;
import org.hl7.fhir.r4.model.PlanDefinition.PlanDefinitionActionComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.physiorun.plan.domain.ProtocolDefinition;
import org.physiorun.plan.domain.ProtocolDefinition.Gate;
import org.physiorun.plan.domain.ProtocolDefinition.Phase;
import org.physiorun.plan.domain.ProtocolDefinition.Streak;

import java.util.Locale;

/**
 * A protocol version as a FHIR PlanDefinition: one action per phase (in sequence, each with its nominal window),
 * the gate into a phase as that action's applicability conditions, and the phase's exercises as sub-actions that
 * point at ActivityDefinitions contained in the PlanDefinition. Contained rather than a Bundle of separate
 * resources because the exercises have no identity of their own in plan-service (the catalogue owns them), the
 * contract answers this path with a PlanDefinition, and a contained resource referenced from its container
 * validates without any canonical URL having to resolve.
 */
public final class ProtocolFhir {

    /** The criteria ids are progress-service's, so that a decision's {@code criteria} can be matched to them. */
    private static final String MIN_DAY = "min-day";
    private static final String EASY_RUN = "easy-run";
    private static final String CQL = "text/cql";

    private ProtocolFhir() {
    }

    public static PlanDefinition planDefinition(String id, int version, ProtocolDefinition protocol) {
        PlanDefinition plan = new PlanDefinition();
        plan.setId(id);
        plan.setUrl(FhirTerms.protocolUrl(id));
        plan.setVersion(Integer.toString(version));
        plan.setName(computableName(id));
        plan.setTitle(protocol.name());
        plan.setDescription(protocol.summary());
        plan.setStatus(PublicationStatus.ACTIVE);
        plan.setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/plan-definition-type",
                "clinical-protocol", "Clinical Protocol")));
        for (String slug : protocol.exercises()) {
            plan.addContained(activity(slug));
        }
        for (Phase phase : protocol.phases()) {
            plan.addAction(phaseAction(phase, protocol.gateInto(phase)));
        }
        return plan;
    }

    private static ActivityDefinition activity(String slug) {
        ActivityDefinition activity = new ActivityDefinition();
        activity.setId(slug);
        activity.setStatus(PublicationStatus.ACTIVE);
        activity.addIdentifier(new Identifier().setSystem(FhirTerms.EXERCISE_SYSTEM).setValue(slug));
        activity.setCode(new CodeableConcept(new Coding().setSystem(FhirTerms.EXERCISE_SYSTEM).setCode(slug)));
        return activity;
    }

    private static PlanDefinitionActionComponent phaseAction(Phase phase, Gate gate) {
        PlanDefinitionActionComponent action = new PlanDefinitionActionComponent();
        action.setId(phaseId(phase.number()));
        action.setPrefix("Phase " + phase.number());
        action.setTitle(phase.name());
        action.setDescription(phase.goal() + " (" + phase.window() + ")");
        action.setTiming(new Range().setLow(days(phase.nominalStartDay())).setHigh(days(phase.nominalEndDay())));
        if (phase.number() > 1) {
            // Phases follow one another: none is skipped, and each starts once the one before has ended.
            action.addRelatedAction().setActionId(phaseId(phase.number() - 1))
                    .setRelationship(ActionRelationshipType.AFTEREND);
        }
        if (gate != null) {
            condition(action, MIN_DAY, "Day " + gate.earliestDay() + " of the programme at the soonest"
                    + " (day 1 is the injury date)");
            for (Streak streak : gate.streaks()) {
                condition(action, "streak:" + streak.exercise(), "The last " + streak.sessions() + " sessions of "
                        + streak.exercise() + " at dose and pain-free" + (streak.fullRange() ? ", at full range" : ""));
            }
            if (gate.easyRun() != null) {
                condition(action, EASY_RUN, "At least " + gate.easyRun().count() + " pain-free easy run(s) in the"
                        + " last " + gate.easyRun().withinDays() + " days");
            }
        }
        for (String slug : phase.exercises()) {
            action.addAction().setTitle(slug).setDefinition(new CanonicalType("#" + slug));
        }
        return action;
    }

    private static void condition(PlanDefinitionActionComponent action, String criterionId, String description) {
        action.addCondition().setKind(ActionConditionKind.APPLICABILITY).setExpression(new Expression()
                .setLanguage(CQL).setExpression("\"" + criterionId + "\"").setDescription(description));
    }

    private static String phaseId(int number) {
        return "phase-" + number;
    }

    private static Quantity days(int day) {
        return new Quantity().setValue(day).setUnit("day").setSystem("http://unitsofmeasure.org").setCode("d");
    }

    /** "hamstring-return-to-run" -> "HamstringReturnToRun": the machine-friendly name FHIR asks for. */
    private static String computableName(String id) {
        StringBuilder name = new StringBuilder();
        for (String word : id.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        return name.toString();
    }
}
