package org.physiorun.plan.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.jboss.logging.Logger;

/**
 * Writes FHIR R4 resources as JSON. HAPI's context takes about a second to build and holds its model of every
 * resource type, so there is one per service, built on the first FHIR request (an application-scoped bean is
 * created when first used): a service that nobody asks for FHIR starts no slower for it.
 */
@ApplicationScoped
public class FhirJson {

    public static final String MEDIA_TYPE = "application/fhir+json";

    private static final Logger LOG = Logger.getLogger(FhirJson.class);

    private final FhirContext context;

    FhirJson() {
        long start = System.nanoTime();
        context = FhirContext.forR4();
        LOG.infof("FHIR R4 context built in %d ms", (System.nanoTime() - start) / 1_000_000);
    }

    public String write(IBaseResource resource) {
        return context.newJsonParser().encodeResourceToString(resource);
    }
}
