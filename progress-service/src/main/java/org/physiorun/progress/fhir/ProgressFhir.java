package org.physiorun.progress.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.physiorun.progress.events.ProgressionEventData;
import org.physiorun.progress.repository.AthletePlan;
import org.physiorun.progress.repository.DecisionRecord;
import org.physiorun.progress.repository.SessionRecord;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;

/**
 * An athlete's progress as a FHIR R4 Bundle (a collection) for clinic systems: one pain Observation per logged
 * session, then one Observation per progression decision.
 *
 * <p>A session's Observation is LOINC 72514-3 (pain severity, 0-10 numeric rating, reported): its value is the
 * higher of the pain during and after the session, and each is also a component. A decision is an Observation too
 * (category therapy), coded by its CloudEvent type and identified by the CloudEvent id: a clinic system then reads
 * one resource type with one code system, can deduplicate against the events it got by webhook or Kafka, and
 * finds the session that caused a decision through {@code derivedFrom}. A DetectedIssue would fit the alerts (pain
 * above the ceiling, low adherence) but not a phase advanced, and a Communication records a message sent, which a
 * decision is not.
 */
public final class ProgressFhir {

    /** The contract's: an athleteId is one person across the platform. */
    static final String ATHLETE_SYSTEM = "urn:physiorun:athlete";
    static final String PLAN_SYSTEM = "urn:physiorun:plan";
    static final String SESSION_SYSTEM = "urn:physiorun:session";
    static final String EXERCISE_SYSTEM = "urn:physiorun:exercise";
    /** The codes of a decision (its CloudEvent type) and of the parts of sessions and decisions. */
    static final String PROGRESSION_SYSTEM = "urn:physiorun:progression";
    static final String CRITERION_SYSTEM = "urn:physiorun:criterion";
    static final String LOINC = "http://loinc.org";
    static final String PAIN_CODE = "72514-3";
    private static final String PAIN_DISPLAY = "Pain severity - 0-10 verbal numeric rating [Score] - Reported";
    private static final String CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category";
    private static final String TYPE_PREFIX = "physiorun.progression.";

    /** A decision as stored, with its CloudEvent's data read. */
    public record Decision(DecisionRecord record, ProgressionEventData data) {
    }

    private ProgressFhir() {
    }

    /** The sessions in the order they were performed, then the decisions in the order they were made. */
    public static Bundle bundle(AthletePlan plan, List<SessionRecord> sessionsInOrder, List<Decision> decisions,
                                Instant now) {
        Bundle bundle = new Bundle().setType(BundleType.COLLECTION);
        bundle.setTimestamp(Date.from(now));
        Set<UUID> sessionIds = new HashSet<>();
        for (SessionRecord session : sessionsInOrder) {
            sessionIds.add(session.eventId);
            add(bundle, pain(plan, session));
        }
        for (Decision decision : decisions) {
            add(bundle, decision(plan, decision, sessionIds));
        }
        return bundle;
    }

    private static void add(Bundle bundle, Observation observation) {
        bundle.addEntry().setFullUrl(fullUrl(observation.getIdElement().getIdPart())).setResource(observation);
    }

    private static String fullUrl(UUID id) {
        return fullUrl(id.toString());
    }

    private static String fullUrl(String id) {
        return "urn:uuid:" + id;
    }

    static Observation pain(AthletePlan plan, SessionRecord session) {
        Observation pain = observation(plan, session.eventId, "survey", "Survey");
        pain.addIdentifier(new Identifier().setSystem(SESSION_SYSTEM).setValue(session.eventId.toString()));
        pain.setCode(new CodeableConcept(new Coding(LOINC, PAIN_CODE, PAIN_DISPLAY))
                .setText("Highest pain of the session, 0-10"));
        pain.setEffective(dateTime(session.performedAt));
        pain.setIssued(Date.from(session.loggedAt));
        int highest = session.painAfter == null ? session.painDuring : Math.max(session.painDuring, session.painAfter);
        pain.setValue(new IntegerType(highest));
        // Not coded LOINC 72514-3 as well: a component with the Observation's own code may carry no value (obs-7).
        pain.addComponent(part("pain-during", "Pain during the session, 0-10", new IntegerType(session.painDuring)));
        if (session.painAfter != null) {
            pain.addComponent(part("pain-after", "Pain after the session, 0-10", new IntegerType(session.painAfter)));
        }
        pain.addComponent(part("exercise", "Exercise", new CodeableConcept(
                new Coding().setSystem(EXERCISE_SYSTEM).setCode(session.exercise)).setText(session.exercise)));
        return pain;
    }


    static Observation decision(AthletePlan plan, Decision decision, Set<UUID> sessionIds) {
        DecisionRecord record = decision.record();
        ProgressionEventData data = decision.data();
        Observation observation = observation(plan, record.eventId, "therapy", "Therapy");
        // The CloudEvent id, as webhooks and Kafka give it: one decision, one id.
        observation.addIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue(fullUrl(record.eventId)));
        String kind = record.type.startsWith(TYPE_PREFIX) ? record.type.substring(TYPE_PREFIX.length()) : record.type;
        observation.setCode(new CodeableConcept(new Coding().setSystem(PROGRESSION_SYSTEM).setCode(record.type)
                .setDisplay(words(kind))).setText("Progression decision: " + words(kind)));
        observation.setEffective(dateTime(record.effectiveAt == null ? record.decidedAt : record.effectiveAt));
        observation.setIssued(Date.from(record.decidedAt));
        observation.setValue(new StringType(summary(kind, data)));
        integer(observation, "from-phase", "From phase", data.fromPhase());
        integer(observation, "to-phase", "To phase", data.toPhase());
        integer(observation, "from-level", "From sprint level (% effort)", data.fromLevel());
        integer(observation, "to-level", "To sprint level (% effort)", data.toLevel());
        integer(observation, "pain", "Pain, 0-10", data.pain());
        integer(observation, "adherence-percent", "Adherence over the last 7 days, %", data.percent());
        if (data.exercise() != null) {
            observation.addComponent(part("exercise", "Exercise", new CodeableConcept(
                    new Coding().setSystem(EXERCISE_SYSTEM).setCode(data.exercise())).setText(data.exercise())));
        }
        if (data.reason() != null) {
            observation.addComponent(part("reason", "Reason", new StringType(data.reason())));
        }
        for (String missed : data.missed() == null ? List.<String>of() : data.missed()) {
            observation.addComponent(part("missed-exercise", "Exercise missed", new CodeableConcept(
                    new Coding().setSystem(EXERCISE_SYSTEM).setCode(missed)).setText(missed)));
        }
        for (String criterion : data.criteria() == null ? List.<String>of() : data.criteria()) {
            observation.addComponent(part("criterion", "Criterion the decision rests on", new CodeableConcept(
                    new Coding().setSystem(CRITERION_SYSTEM).setCode(criterion)).setText(criterion)));
        }
        if (record.sessionEventId != null && sessionIds.contains(record.sessionEventId)) {
            observation.addDerivedFrom(new Reference(fullUrl(record.sessionEventId)));
        }
        return observation;
    }

    private static Observation observation(AthletePlan plan, UUID id, String category, String categoryDisplay) {
        Observation observation = new Observation();
        observation.setId(id.toString());
        observation.setStatus(ObservationStatus.FINAL);
        observation.addCategory(new CodeableConcept(new Coding(CATEGORY_SYSTEM, category, categoryDisplay)));
        observation.setSubject(new Reference().setIdentifier(
                new Identifier().setSystem(ATHLETE_SYSTEM).setValue(plan.athleteId)));
        observation.addBasedOn(new Reference().setType("CarePlan").setIdentifier(
                new Identifier().setSystem(PLAN_SYSTEM).setValue(plan.planId.toString())));
        return observation;
    }

    private static void integer(Observation observation, String code, String text, Integer value) {
        if (value != null) {
            observation.addComponent(part(code, text, new IntegerType(value)));
        }
    }

    private static ObservationComponentComponent part(String code, String text, Type value) {
        ObservationComponentComponent part = new ObservationComponentComponent(new CodeableConcept(
                new Coding().setSystem(PROGRESSION_SYSTEM).setCode(code)).setText(text));
        part.setValue(value);
        return part;
    }

    /** One line in plain words, for a reader that shows only the value. */
    private static String summary(String kind, ProgressionEventData data) {
        return switch (kind) {
            case "phase-advanced" -> "Moved up from phase " + data.fromPhase() + " to phase " + data.toPhase();
            case "phase-regressed" -> "Back from phase " + data.fromPhase() + " to phase " + data.toPhase()
                    + (data.reason() == null ? "" : ": " + data.reason());
            case "sprint-level-advanced" -> "Sprint level up from " + data.fromLevel() + "% to " + data.toLevel()
                    + "% effort";
            case "return-to-run-cleared" -> "Cleared to return to running";
            case "pain-ceiling-exceeded" -> "Pain " + data.pain() + "/10 in " + data.exercise()
                    + ", above the ceiling";
            case "adherence-low" -> "Adherence " + data.percent() + "% over the last 7 days";
            default -> words(kind);
        };
    }

    private static String words(String kind) {
        String spaced = kind.replace('-', ' ');
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static DateTimeType dateTime(Instant instant) {
        return new DateTimeType(Date.from(instant.truncatedTo(ChronoUnit.MILLIS)), TemporalPrecisionEnum.MILLI,
                TimeZone.getTimeZone("UTC"));
    }
}
