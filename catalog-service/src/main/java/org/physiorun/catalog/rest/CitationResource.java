package org.physiorun.catalog.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.physiorun.catalog.api.CitationDto;
import org.physiorun.catalog.service.CitationService;
import org.physiorun.support.problem.ProblemException;

import java.util.List;

@Path("/api/citations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Citations", description = "The papers the exercises rest on, as checked against the papers")
@PermitAll
public class CitationResource {

    private final CitationService service;

    CitationResource(CitationService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "All citations")
    public List<CitationDto> list() {
        return service.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One citation")
    public CitationDto get(@PathParam("id") String id) {
        return service.find(id).orElseThrow(() -> ProblemException.notFound("No citation has id '" + id + "'."));
    }
}
