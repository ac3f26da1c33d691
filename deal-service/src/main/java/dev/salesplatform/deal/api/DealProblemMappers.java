package dev.salesplatform.deal.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.salesplatform.deal.domain.IllegalProposalTransitionException;
import dev.salesplatform.deal.domain.IllegalTransitionException;
import dev.salesplatform.deal.domain.OpenObstaclesException;
import dev.salesplatform.kit.problem.Problem;
import dev.salesplatform.kit.problem.ProblemException;

/**
 * A command the deal's status forbids is 409, naming the current stage and status; a win blocked by
 * open obstacles is 409, listing them; a proposal command its status forbids is 409 with that status.
 */
public class DealProblemMappers {

    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransitionException e, UriInfo uri) {
        Problem problem = ProblemException.conflict("illegal-transition", "Not allowed in this state", e.getMessage())
                .with("currentStage", e.currentStage())
                .with("currentStatus", e.current())
                .toProblem(uri.getRequestUri().getRawPath());
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response openObstacles(OpenObstaclesException e, UriInfo uri) {
        Problem problem = ProblemException.conflict("open-obstacles", "Open obstacles", e.getMessage())
                .with("openObstacles", e.openObstacles())
                .toProblem(uri.getRequestUri().getRawPath());
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response illegalProposalTransition(IllegalProposalTransitionException e, UriInfo uri) {
        Problem problem = ProblemException.conflict("illegal-proposal-transition", "Not allowed in this state",
                        e.getMessage())
                .with("currentStatus", e.current())
                .toProblem(uri.getRequestUri().getRawPath());
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
