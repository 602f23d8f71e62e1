package org.physiorun.webhook.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.physiorun.support.problem.ProblemException;
import org.physiorun.support.security.Caller;
import org.physiorun.webhook.api.DeliveryView;
import org.physiorun.webhook.api.RegisteredWebhook;
import org.physiorun.webhook.api.WebhookRegistration;
import org.physiorun.webhook.api.WebhookView;
import org.physiorun.webhook.service.Webhooks;

import java.util.List;
import java.util.UUID;

/** A clinic's webhook endpoints, for its administrators and its own systems. */
@Path("/api/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Progression events delivered to a clinic's systems over HTTPS")
@RolesAllowed({Caller.CLINIC_ADMIN, Caller.CLINIC_SYSTEM})
public class WebhookResource {

    private final Webhooks webhooks;
    private final SecurityIdentity identity;

    WebhookResource(Webhooks webhooks, SecurityIdentity identity) {
        this.webhooks = webhooks;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Registers an endpoint; the answer holds its signing secret, shown this once")
    public Response register(WebhookRegistration registration, @Context UriInfo uri) {
        if (registration == null) {
            throw ProblemException.invalid("url", "a body with the endpoint's url is required");
        }
        RegisteredWebhook created = webhooks.register(clinic(), registration);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Operation(summary = "The clinic's endpoints")
    public List<WebhookView> list() {
        return webhooks.list(clinic());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of the clinic's endpoints")
    public WebhookView get(@PathParam("id") UUID id) {
        return webhooks.get(clinic(), id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Removes an endpoint and its delivery log")
    public Response delete(@PathParam("id") UUID id) {
        webhooks.delete(clinic(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The endpoint's latest deliveries, newest first")
    public List<DeliveryView> deliveries(@PathParam("id") UUID id) {
        return webhooks.deliveries(clinic(), id);
    }

    @POST
    @Path("/{id}/deliveries/{eventId}/retry")
    @Operation(summary = "Sends a delivery again now, whatever it stands at")
    public DeliveryView retry(@PathParam("id") UUID id, @PathParam("eventId") String eventId) {
        return webhooks.retry(clinic(), id, eventId);
    }

    /** The caller's clinic; a token without one manages no clinic's endpoints. */
    private String clinic() {
        Caller caller = Caller.of(identity);
        if (caller.clinicId() == null) {
            throw new ProblemException(403, "/problems/forbidden", "Forbidden", "the token names no clinic");
        }
        return caller.clinicId();
    }
}
