package dev.salesplatform.customersuccess.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.salesplatform.customersuccess.domain.IllegalCustomerStateException;
import dev.salesplatform.kit.problem.Problem;
import dev.salesplatform.kit.problem.ProblemException;

/**
 * A command the customer's status forbids is 409 naming the current status. A write that lost a race
 * with another write of the same record is the kit's to answer: 409, or 412 when the caller named
 * the version it edits with If-Match.
 */
public class CustomerProblemMappers {

    @ServerExceptionMapper
    public Response illegalState(IllegalCustomerStateException e, UriInfo uri) {
        Problem problem = ProblemException.conflict("illegal-transition", "Not allowed in this state", e.getMessage())
                .with("currentStatus", e.current()).toProblem(uri.getRequestUri().getRawPath());
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
