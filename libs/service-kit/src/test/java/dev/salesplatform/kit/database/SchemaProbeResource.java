package dev.salesplatform.kit.database;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** An API request of the test application that reads a table of the kit's schema. */
@Path("/api/test/schema-probe")
public class SchemaProbeResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Uni<String> countOutboxRows() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT count(*) FROM outbox", Long.class).getSingleResult())).map(String::valueOf);
    }
}
