package dev.salesplatform.lead.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.salesplatform.kit.problem.Problem;
import dev.salesplatform.kit.problem.ProblemException;
import dev.salesplatform.lead.domain.IllegalTransitionException;

/** A command the lead's status forbids is 409, naming the current state. */
public class LeadProblemMappers {

    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransitionException e, UriInfo uri) {
        Problem problem = ProblemException.conflict("illegal-transition", "Not allowed in this state", e.getMessage())
                .with("currentState", e.current())
                .toProblem(uri.getRequestUri().getRawPath());
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
