package dev.salesplatform.kit.messaging;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.salesplatform.kit.http.Ids;
import dev.salesplatform.kit.http.Page;
import dev.salesplatform.kit.http.PageRequest;
import dev.salesplatform.kit.problem.Problem;
import dev.salesplatform.kit.problem.ProblemException;
import dev.salesplatform.kit.security.Caller;
import io.smallrye.mutiny.Uni;

/**
 * Each service's dead letters, for admins: {@code /api/v1/dead-letters/<service>} (the gateway routes
 * each service's name to it), listed newest first and redelivered after a fix.
 */
@Path("/api/v1/dead-letters/{service}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dead letters", description = "Events a consumer could not apply: list and redeliver (admin)")
public class DeadLetterResource {

    /** Dead letters one bulk redelivery takes at most; call again for the rest. */
    static final int BULK_LIMIT = 500;
    private static final Pattern CONSUMER_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,99}");

    private final DeadLetters deadLetters;

    @Inject
    public DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @GET
    @RolesAllowed(Caller.ADMIN)
    @Operation(operationId = "listDeadLetters", summary = "List dead letters", description = "Roles: admin. Records this service's consumers could "
            + "not apply (type, reason, failure class, time, attempts), newest first; status OPEN or REDELIVERED.")
    @APIResponse(responseCode = "200", description = "A page of dead letters")
    @APIResponse(responseCode = "404", description = "Not this service's name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<DeadLetter>> list(@PathParam("service") String name,
                                      @Parameter(description = "Only this consumer's") @QueryParam("consumer") String consumer,
                                      @Parameter(description = "OPEN or REDELIVERED") @QueryParam("status") String status,
                                      @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        checkService(name);
        return deadLetters.list(consumer(consumer), status(status), PageRequest.of(limit, cursor, 2));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Caller.ADMIN)
    @Operation(operationId = "getDeadLetter", summary = "Read a dead letter", description = "Roles: admin.")
    @APIResponse(responseCode = "200", description = "The dead letter",
            content = @Content(schema = @Schema(implementation = DeadLetter.class)))
    @APIResponse(responseCode = "404", description = "No such dead letter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<DeadLetter> get(@PathParam("service") String name, @PathParam("id") String id) {
        checkService(name);
        UUID letter = Ids.parse(id, "id");
        return deadLetters.find(letter).onItem().ifNull().failWith(() -> ProblemException.notFound("Dead letter", letter));
    }

    @POST
    @Path("/{id}/redeliver")
    @RolesAllowed(Caller.ADMIN)
    @Operation(operationId = "redeliverDeadLetter", summary = "Redeliver a dead letter", description = "Roles: admin. Applies the record once more through "
            + "its consumer, e.g. after a fix. Idempotent: one already redelivered is answered as it is; one that "
            + "fails again stays OPEN with the new reason.")
    @APIResponse(responseCode = "200", description = "The dead letter after the attempt",
            content = @Content(schema = @Schema(implementation = DeadLetter.class)))
    @APIResponse(responseCode = "404", description = "No such dead letter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The database or broker is away; try again later",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<DeadLetter> redeliver(@PathParam("service") String name, @PathParam("id") String id) {
        checkService(name);
        return deadLetters.redeliver(Ids.parse(id, "id"));
    }

    @POST
    @Path("/redeliver")
    @RolesAllowed(Caller.ADMIN)
    @Operation(operationId = "redeliverOpenDeadLetters", summary = "Redeliver every open dead letter", description = "Roles: admin. Up to " + BULK_LIMIT
            + " open dead letters (of one consumer, or all), oldest first; call again while stillFailing plus "
            + "redelivered equals the limit.")
    @APIResponse(responseCode = "200", description = "How many were applied and how many still fail")
    public Uni<DeadLetters.Redelivery> redeliverOpen(@PathParam("service") String name,
                                                     @Parameter(description = "Only this consumer's")
                                                     @QueryParam("consumer") String consumer) {
        checkService(name);
        return deadLetters.redeliverOpen(consumer(consumer), BULK_LIMIT);
    }

    private void checkService(String name) {
        if (!service.equals(name)) {
            throw new ProblemException(404, "not-found", "Not found", "This is " + service + ", not " + name);
        }
    }

    private static String status(String status) {
        String value = blankToNull(status);
        if (value != null && !value.equals("OPEN") && !value.equals("REDELIVERED")) {
            throw ProblemException.invalidField("status", "must be OPEN or REDELIVERED");
        }
        return value;
    }

    private static String consumer(String consumer) {
        String value = blankToNull(consumer);
        if (value != null && !CONSUMER_NAME.matcher(value).matches()) {
            throw ProblemException.invalidField("consumer", "must be a consumer name such as deal.lead-events");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
