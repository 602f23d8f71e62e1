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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * The exercises in the order asked, from one read of the whole catalogue (a plan names most of it): one call
     * instead of one per exercise. An exercise the catalogue does not have is a catalogue that cannot serve the
     * protocol, as when it is down.
     */
    public List<Prescription> prescriptions(List<String> slugs) {
        Map<String, Prescription> catalogue = new HashMap<>();
        try {
            client.exercises(true).forEach(exercise -> catalogue.put(exercise.slug(), exercise));
        } catch (WebApplicationException | ProcessingException | FaultToleranceException e) {
            LOG.warnf("The catalogue could not be read: %s", e.toString());
            throw unavailable();
        }
        List<Prescription> copies = new ArrayList<>();
        for (String slug : slugs) {
            Prescription copy = catalogue.get(slug);
            if (copy == null) {
                LOG.warnf("The catalogue has no exercise %s, which the protocol prescribes", slug);
                throw unavailable();
            }
            copies.add(copy);
        }
        return copies;
    }

    private ProblemException unavailable() {
        return ProblemException.unavailable("The exercise catalogue is not answering, so no plan was made."
                + " Please try again shortly.", (int) config.catalogueRetryAfter().toSeconds());
    }
}
