package dev.salesplatform.kit.problem;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import dev.salesplatform.kit.messaging.Failures;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every exception that reaches the REST layer into an RFC 9457 problem: ours, the
 * framework's (unknown route, wrong method or media type, malformed JSON, validation, security) and
 * unexpected ones, which answer 500 without revealing anything about the code.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String BEARER_CHALLENGE = "Bearer realm=\"sales\"";
    private static final String RETRY_AFTER_SECONDS = "2";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder response = respond(e.toProblem(path(uri)));
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response stateConflict(StateConflict e, UriInfo uri) {
        return problem(e.toProblem(), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        boolean returnValue = false;
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            returnValue |= isReturnValue(violation.getPropertyPath());
            errors.add(new Problem.FieldError(field(violation.getPropertyPath()), violation.getMessage()));
        }
        if (returnValue) {
            return unexpected(e, uri);
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        return respond(new Problem("validation", "Invalid input", 400,
                "The request has " + errors.size() + " invalid field(s)", path(uri), errors, null)).build();
    }

    // One method per Jackson type: the framework's own mappers for the specific types must not win.
    @ServerExceptionMapper(priority = 1)
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return problem(JsonProblems.of(e), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return problem(JsonProblems.of(e), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return problem(JsonProblems.of(e), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response jsonParse(JsonParseException e, UriInfo uri) {
        return problem(JsonProblems.of(e), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(JsonProcessingException e, UriInfo uri) {
        return problem(JsonProblems.of(e), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unauthorized(UnauthorizedException e, UriInfo uri, HttpHeaders headers) {
        return unauthorized(uri, headers);
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        return unauthorized(uri, headers);
    }

    /**
     * Keycloak not reachable (a service started before it, or lost it): tokens cannot be checked now,
     * which is neither the caller's fault nor a bug. Quarkus OIDC tries to reach it again on the next request.
     */
    @ServerExceptionMapper(priority = 1)
    public Response identityProviderAway(OIDCException e, UriInfo uri) {
        LOG.warnf("Unavailable on %s: identity provider: %s", path(uri), e.getMessage());
        return unavailable(uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem("forbidden", "Forbidden", 403,
                "Your roles do not allow this operation", path(uri), null, null)).build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response web(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            // The JSON reader reports a body it cannot parse as a plain 400.
            return problem(JsonProblems.of(json), uri);
        }
        Response.ResponseBuilder response = respond(webProblem(status, path(uri)));
        copyHeader(original, response, "Allow");
        copyHeader(original, response, "WWW-Authenticate");
        copyHeader(original, response, "Retry-After");
        return response.build();
    }

    /**
     * What no other mapper claims. A write that lost to a concurrent one is 409 (412 when the caller
     * named the version it edits with If-Match); a database or broker that is away is 503 with
     * Retry-After; only the rest is the server's fault.
     */
    @ServerExceptionMapper(priority = 10)
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        if (Failures.isConcurrentWrite(e)) {
            boolean ifMatch = headers != null && headers.getHeaderString(HttpHeaders.IF_MATCH) != null;
            return respond(ifMatch
                    ? new Problem("precondition-failed", "Precondition failed", 412,
                            "The record changed while this request was applied; read it again and retry", path(uri), null,
                            null)
                    : new Problem("concurrent-write", "Concurrent write", 409,
                            "Another request changed this record at the same time; read it again and retry", path(uri),
                            null, null)).build();
        }
        if (Failures.isTransient(e)) {
            LOG.warnf("Unavailable on %s: %s", path(uri), Failures.describe(e));
            return unavailable(uri);
        }
        return unexpected(e, uri);
    }

    private static Response unavailable(UriInfo uri) {
        return respond(new Problem("unavailable", "Service unavailable", 503,
                "A service this request needs is not reachable right now; retry later", path(uri), null, null))
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    private Response unexpected(Throwable e, UriInfo uri) {
        LOG.errorf(e, "Unexpected error on %s", path(uri));
        return respond(new Problem("internal", "Internal error", 500,
                "The server could not complete the request; it has been logged", path(uri), null, null)).build();
    }

    static Problem webProblem(int status, String instance) {
        return switch (status) {
            case 400 -> new Problem("bad-request", "Bad request", 400, "The request is not valid", instance, null, null);
            case 401 -> new Problem("unauthorized", "Unauthorized", 401, "A valid bearer token is required", instance, null, null);
            case 403 -> new Problem("forbidden", "Forbidden", 403, "Your roles do not allow this operation", instance, null, null);
            case 404 -> new Problem("not-found", "Not found", 404, "No resource at this path", instance, null, null);
            case 405 -> new Problem("method-not-allowed", "Method not allowed", 405,
                    "This resource does not support this method", instance, null, null);
            case 406 -> new Problem("not-acceptable", "Not acceptable", 406,
                    "This resource answers application/json only", instance, null, null);
            case 413 -> new Problem("payload-too-large", "Payload too large", 413,
                    "The request body is larger than this endpoint accepts", instance, null, null);
            case 415 -> new Problem("unsupported-media-type", "Unsupported media type", 415,
                    "This endpoint does not accept this Content-Type", instance, null, null);
            default -> new Problem("http-" + status, Response.Status.fromStatusCode(status) == null
                    ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase(),
                    status, null, instance, null, null);
        };
    }


    private Response unauthorized(UriInfo uri, HttpHeaders headers) {
        boolean presented = headers.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
        return respond(new Problem("unauthorized", "Unauthorized", 401,
                presented ? "The bearer token is invalid or expired" : "A bearer token is required",
                path(uri), null, null))
                .header(HttpHeaders.WWW_AUTHENTICATE,
                        presented ? BEARER_CHALLENGE + ", error=\"invalid_token\"" : BEARER_CHALLENGE)
                .build();
    }

    private static Response.ResponseBuilder respond(Problem problem) {
        return Response.status(problem.getStatus()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static void copyHeader(Response from, Response.ResponseBuilder to, String name) {
        String value = from.getHeaderString(name);
        if (value != null) {
            to.header(name, value);
        }
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    private static boolean isReturnValue(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** "create.body.person.email" -> "person.email"; "list.limit" -> "limit"; "create.body.lines[0].quantity" -> "lines[0].quantity". */
    static String field(Path path) {
        List<String> names = new ArrayList<>();
        Iterator<Path.Node> nodes = path.iterator();
        boolean parameterSeen = false;
        while (nodes.hasNext()) {
            Path.Node node = nodes.next();
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR -> {
                }
                case PARAMETER -> {
                    parameterSeen = true;
                    if (!nodes.hasNext()) {
                        names.add(node.getName());
                    }
                }
                default -> {
                    // Bean Validation puts a list element's index on the node after the list: lines[0].quantity.
                    Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                    if (node.isInIterable() && position != null && !names.isEmpty()) {
                        names.set(names.size() - 1, names.get(names.size() - 1) + "[" + position + "]");
                    }
                    if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                        names.add(node.getName());
                    }
                }
            }
        }
        return names.isEmpty() && !parameterSeen ? path.toString() : String.join(".", names);
    }
}
