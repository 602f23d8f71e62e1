package org.physiorun.plan.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.physiorun.plan.api.ProtocolDto;
import org.physiorun.plan.service.FhirViews;
import org.physiorun.plan.service.ProtocolService;
import org.physiorun.support.fhir.FhirJson;
import org.physiorun.support.problem.ProblemException;

import java.util.List;

@Path("/api/protocols")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Protocols", description = "The phased frameworks plans are built from, with their gates and parameters")
@PermitAll
public class ProtocolResource {

    private final ProtocolService service;
    private final FhirViews fhir;

    ProtocolResource(ProtocolService service, FhirViews fhir) {
        this.service = service;
        this.fhir = fhir;
    }

    @GET
    @Operation(summary = "Every protocol, in its newest version")
    public List<ProtocolDto> list() {
        return service.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One protocol: its newest version, or the version asked for")
    public ProtocolDto get(@PathParam("id") String id,
                           @Parameter(description = "a published version; the newest when absent")
                           @QueryParam("version") @Min(1) Integer version) {
        return service.find(id, version).orElseThrow(() -> ProblemException.notFound(
                "No protocol has id '" + id + "'" + (version == null ? "" : " in version " + version) + "."));
    }

    @GET
    @Path("/{id}/fhir")
    @Produces(FhirJson.MEDIA_TYPE)
    @Operation(summary = "The newest version as a FHIR R4 PlanDefinition",
            description = "One action per phase with its gate criteria as conditions; the exercises as contained"
                    + " ActivityDefinitions.")
    public String fhir(@PathParam("id") String id) {
        return fhir.protocol(id).orElseThrow(() -> ProblemException.notFound("No protocol has id '" + id + "'."));
    }
}
