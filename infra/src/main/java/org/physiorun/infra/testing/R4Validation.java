package org.physiorun.infra.testing;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

import java.util.List;

/**
 * Parses and validates FHIR R4 JSON against the base specification, offline: HAPI's structure definitions and
 * in-memory terminology, no terminology server (so codes of external systems such as LOINC give warnings, not
 * errors). Loading the definitions takes seconds, so one validator serves every test of the JVM; its support
 * chain caches what it looks up. The HAPI artifacts are optional here: a module whose tests use this class declares
 * them (test scope) itself.
 */
public final class R4Validation {

    public static final FhirContext CONTEXT = FhirContext.forR4();
    private static final FhirValidator VALIDATOR = validator();

    private R4Validation() {
    }

    private static FhirValidator validator() {
        ValidationSupportChain support = new ValidationSupportChain(new DefaultProfileValidationSupport(CONTEXT),
                new InMemoryTerminologyServerValidationSupport(CONTEXT),
                new CommonCodeSystemsTerminologyService(CONTEXT));
        FhirValidator validator = CONTEXT.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(support));
        return validator;
    }

    public static <T extends IBaseResource> T parse(Class<T> type, String json) {
        return CONTEXT.newJsonParser().parseResource(type, json);
    }

    /** Validates the resource and, for a Bundle, each of its entries on its own too; fails on any error. */
    public static void assertValid(Resource resource) {
        assertNoErrors(resource);
        if (resource instanceof Bundle bundle) {
            bundle.getEntry().forEach(entry -> assertNoErrors(entry.getResource()));
        }
    }

    private static void assertNoErrors(Resource resource) {
        List<SingleValidationMessage> messages = VALIDATOR.validateWithResult(resource).getMessages();
        List<String> errors = messages.stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(m -> m.getLocationString() + ": " + m.getMessage()).toList();
        long warnings = messages.stream().filter(m -> m.getSeverity() == ResultSeverityEnum.WARNING).count();
        System.out.printf("FHIR validation of %s: %d error(s), %d warning(s)%n", resource.fhirType(), errors.size(),
                warnings);
        if (!errors.isEmpty()) {
            throw new AssertionError(resource.fhirType() + " is not valid FHIR R4: " + errors);
        }
    }
}
