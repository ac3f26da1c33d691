package dev.salesplatform.kit.input;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.salesplatform.kit.problem.ProblemException;

/**
 * {@link InputRules} for the text of every query and path parameter, before a resource reads it: a
 * search for "a\u0000b" is the caller's 400, not PostgreSQL's error.
 */
public class InputRulesFilter {

    @ServerRequestFilter
    public void checkParameters(UriInfo uri) {
        check(uri.getPathParameters());
        check(uri.getQueryParameters());
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                String violation = value == null ? null : InputRules.textViolation(value);
                if (violation != null) {
                    throw ProblemException.invalidField(parameter.getKey(), violation);
                }
            }
        }
    }
}
