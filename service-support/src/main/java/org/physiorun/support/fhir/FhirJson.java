package org.physiorun.support.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.jboss.logging.Logger;

/**
 * Writes FHIR R4 resources as JSON. HAPI's context takes about a second to build and holds its model of every
 * resource type, so a service has one, built on its first FHIR answer: a service that nobody asks for FHIR starts no
 * slower for it. HAPI is an optional dependency of this module; the services that answer in FHIR declare it.
 */
public final class FhirJson {

    public static final String MEDIA_TYPE = "application/fhir+json";

    private FhirJson() {
    }

    public static String write(IBaseResource resource) {
        return Context.R4.newJsonParser().encodeResourceToString(resource);
    }

    /** Loaded, and so built, on the first {@link #write}. */
    private static final class Context {
        static final FhirContext R4 = build();

        private static FhirContext build() {
            long start = System.nanoTime();
            FhirContext context = FhirContext.forR4();
            Logger.getLogger(FhirJson.class).infof("FHIR R4 context built in %d ms",
                    (System.nanoTime() - start) / 1_000_000);
            return context;
        }
    }
}
