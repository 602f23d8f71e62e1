package org.physiorun.plan.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.physiorun.plan.config.PlanConfig;
import org.physiorun.plan.domain.Prescription;
import org.physiorun.support.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/** Copies prescriptions from the catalogue, or answers 503 when it cannot: a plan is made whole or not at all. */
@ApplicationScoped
public class Catalogue {

    private static final Logger LOG = Logger.getLogger(Catalogue.class);

    private final CatalogueClient client;
    private final PlanConfig config;

    Catalogue(@RestClient CatalogueClient client, PlanConfig config) {
        this.client = client;
        this.config = config;
    }

    /** The exercises in the order asked. */
    public List<Prescription> prescriptions(List<String> slugs) {
        List<Prescription> copies = new ArrayList<>();
        for (String slug : slugs) {
            try {
                copies.add(client.exercise(slug));
            } catch (WebApplicationException | ProcessingException | FaultToleranceException e) {
                LOG.warnf("The catalogue could not give exercise %s: %s", slug, e.toString());
                throw ProblemException.unavailable("The exercise catalogue is not answering, so no plan was made."
                        + " Please try again shortly.", (int) config.catalogueRetryAfter().toSeconds());
            }
        }
        return copies;
    }
}
