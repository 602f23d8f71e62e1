package org.physiorun.plan.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.TimeZone;

/** The identifier systems and URLs plan-service's FHIR resources use, and the conversions they share. */
final class FhirTerms {

    /** The contract's: an athleteId is one person across the platform. */
    static final String ATHLETE_SYSTEM = "urn:physiorun:athlete";
    static final String PLAN_SYSTEM = "urn:physiorun:plan";
    static final String EXERCISE_SYSTEM = "urn:physiorun:exercise";
    /** A protocol's canonical URL is this plus its id; a version is named after a '|'. */
    static final String PROTOCOL_URL = "urn:physiorun:protocol:";

    private FhirTerms() {
    }

    static String protocolUrl(String protocolId) {
        return PROTOCOL_URL + protocolId;
    }

    static Reference athlete(String athleteId) {
        return new Reference().setIdentifier(new Identifier().setSystem(ATHLETE_SYSTEM).setValue(athleteId));
    }

    static DateType date(LocalDate date) {
        return new DateType(date.toString());
    }

    /** A calendar date where FHIR asks for a dateTime: day precision, no time of day invented. */
    static DateTimeType dateTime(LocalDate date) {
        return new DateTimeType(date.toString());
    }

    static DateTimeType instant(Instant instant) {
        return new DateTimeType(Date.from(instant.truncatedTo(ChronoUnit.MILLIS)),
                TemporalPrecisionEnum.MILLI, TimeZone.getTimeZone("UTC"));
    }
}
