package org.physiorun.catalog.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.physiorun.catalog.api.ExerciseDto;
import org.physiorun.catalog.api.ExerciseInput;
import org.physiorun.catalog.service.ExerciseService;
import org.physiorun.support.problem.ProblemException;
import org.physiorun.support.security.Caller;

import java.util.List;

@Path("/api/exercises")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Exercises", description = "The ten exercises of the framework, their doses and evidence; anyone reads"
        + " them, only a clinic-admin changes them")
public class ExerciseResource {

    private final ExerciseService service;

    ExerciseResource(ExerciseService service) {
        this.service = service;
    }

    @GET
    @PermitAll
    @Operation(summary = "List exercises by number", description = "Retired exercises are left out unless asked for.")
    public List<ExerciseDto> list(
            @Parameter(description = "only this phase (1-4)") @QueryParam("phase") @Min(1) @Max(4) Integer phase,
            @Parameter(description = "text in the name, focus or instructions") @QueryParam("q") String q,
            @QueryParam("includeRetired") @DefaultValue("false") boolean includeRetired) {
        return service.list(phase, q, includeRetired);
    }

    @GET
    @Path("/{slug}")
    @PermitAll
    @Operation(summary = "One exercise, retired or not")
    public ExerciseDto get(@PathParam("slug") String slug) {
        return service.find(slug).orElseThrow(() -> notFound(slug));
    }

    @POST
    @RolesAllowed(Caller.CLINIC_ADMIN)
    @Operation(summary = "Add an exercise (clinic-admin)")
    public Response create(@Valid @NotNull(message = "a request body is required") ExerciseInput input, @Context UriInfo uri) {
        ExerciseDto created = service.create(input);
        return Response.created(uri.getAbsolutePathBuilder().path(created.slug()).build()).entity(created).build();
    }

    @PUT
    @Path("/{slug}")
    @RolesAllowed(Caller.CLINIC_ADMIN)
    @Operation(summary = "Edit an exercise (clinic-admin); the slug never changes")
    public ExerciseDto update(@PathParam("slug") String slug, @Valid @NotNull(message = "a request body is required") ExerciseInput input) {
        return service.update(slug, input).orElseThrow(() -> notFound(slug));
    }

    @DELETE
    @Path("/{slug}")
    @RolesAllowed(Caller.CLINIC_ADMIN)
    @Operation(summary = "Retire an exercise: it leaves the list, and plans made with it stay readable")
    public ExerciseDto retire(@PathParam("slug") String slug) {
        return service.retire(slug).orElseThrow(() -> notFound(slug));
    }

    private static ProblemException notFound(String slug) {
        return ProblemException.notFound("No exercise has slug '" + slug + "'.");
    }
}
