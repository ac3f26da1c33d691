package dev.salesplatform.deal.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.salesplatform.deal.domain.OpenObstaclesException;
import dev.salesplatform.kit.problem.Problem;
import dev.salesplatform.kit.problem.ProblemException;

/**
 * A win blocked by open obstacles is 409 {@code open-obstacles}, listing them. (A command the deal's
 * or a proposal's status forbids is the kit's {@code illegal-transition}.)
 */
public class DealProblemMappers {

    @ServerExceptionMapper
    public Response openObstacles(OpenObstaclesException e, UriInfo uri) {
        Problem problem = ProblemException.conflict("open-obstacles", "Open obstacles", e.getMessage())
                .with("openObstacles", e.openObstacles())
                .toProblem(uri.getRequestUri().getRawPath());
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
