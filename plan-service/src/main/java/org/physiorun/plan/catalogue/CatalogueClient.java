package org.physiorun.plan.catalogue;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.physiorun.plan.domain.Prescription;

import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * catalog-service's exercises ({@code quarkus.rest-client.catalog.url}). Each call is bounded in time and
 * retried briefly; when the catalogue keeps failing the breaker opens, so that plan requests fail fast with
 * a 503 instead of queueing behind a dead dependency. An open breaker is not retried: it would refuse again, and
 * the retries' delays would only hold the request back (about half a second with the delays below).
 */
@RegisterRestClient(configKey = "catalog")
@Path("/api/exercises")
@Produces(MediaType.APPLICATION_JSON)
public interface CatalogueClient {

    /** The whole catalogue, retired exercises included (a protocol may still name one), with their citations. */
    @GET
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    List<Prescription> exercises(@QueryParam("includeRetired") boolean includeRetired);
}
