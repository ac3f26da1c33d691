package dev.salesplatform.customersuccess.api;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.salesplatform.customersuccess.domain.IllegalCustomerStateException;
import dev.salesplatform.kit.problem.Problem;
import dev.salesplatform.kit.problem.ProblemException;

/**
 * A command the customer's status forbids is 409 naming the current status; a write that lost a
 * race with another write of the same record is 409 too (read again and retry).
 */
public class CustomerProblemMappers {

    @ServerExceptionMapper
    public Response illegalState(IllegalCustomerStateException e, UriInfo uri) {
        return conflict(ProblemException.conflict("illegal-transition", "Not allowed in this state", e.getMessage())
                .with("currentStatus", e.current()), uri);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentWrite(RuntimeException e, UriInfo uri) {
        return conflict(ProblemException.conflict("concurrent-change", "Changed concurrently",
                "The record changed while this request ran; read it again and retry"), uri);
    }

    private static Response conflict(ProblemException e, UriInfo uri) {
        Problem problem = e.toProblem(uri.getRequestUri().getRawPath());
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
