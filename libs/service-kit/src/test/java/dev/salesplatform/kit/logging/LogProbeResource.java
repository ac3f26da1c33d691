package dev.salesplatform.kit.logging;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.jboss.logging.Logger;

/** A request of the test application that logs one line, as a service's resource does. */
@Path("/test/log-probe")
public class LogProbeResource {

    private static final Logger LOG = Logger.getLogger(LogProbeResource.class);

    @GET
    @Path("/{marker}")
    public String log(@PathParam("marker") String marker) {
        LOG.infof("log probe %s", marker);
        return marker;
    }
}
