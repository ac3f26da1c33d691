package dev.salesplatform.kit.http;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.salesplatform.kit.problem.ProblemException;
import io.quarkus.runtime.ApplicationLifecycleManager;

/**
 * Once the process is shutting down (SIGTERM), answers each new request 503 (problem+json, Retry-After,
 * Connection: close) while the requests in flight finish. Quarkus (since 3.32) would serve the new ones
 * too while it drains, so that under steady load its count of requests in flight never reaches zero:
 * the drain lasted all of quarkus.shutdown.timeout and then cut what was in flight. Refused at once,
 * the drain ends as soon as the requests in flight are done, and the client (or the gateway) retries
 * on another instance.
 */
public class ShutdownGate {

    @ServerRequestFilter(preMatching = true)
    public void refuseWhileShuttingDown(ContainerRequestContext request) {
        // Set by Quarkus' JVM shutdown hook, before it starts the drain; never in dev or test mode.
        if (ApplicationLifecycleManager.isVmShuttingDown()) {
            throw new ProblemException(503, "unavailable", "Service unavailable",
                    "This instance is shutting down; retry, another one answers")
                    .withHeader("Retry-After", "1")
                    .withHeader("Connection", "close");
        }
    }
}
