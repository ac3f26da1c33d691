package dev.salesplatform.analytics.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.analytics.persistence.ProjectionWriter;
import dev.salesplatform.analytics.persistence.ProjectionWriter.EventWrites;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Applies events to the projections, each batch in one transaction. */
@ApplicationScoped
public class ProjectionService {

    private final Pool pool;
    private final ProjectionWriter writer;

    @Inject
    public ProjectionService(Pool pool, ProjectionWriter writer) {
        this.pool = pool;
        this.writer = writer;
    }

    /** Applies the events to the active schema and, while a rebuild runs, to the one being built. */
    public Uni<Void> applyLive(List<LoggedEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<EventWrites> writes = events.stream().map(EventProjector::writes).toList();
        return pool.withTransaction(connection -> writer.state(connection).chain(state ->
                writer.apply(connection, state.active(), writes).chain(() -> state.building() == null
                        ? Uni.createFrom().voidItem() : writer.apply(connection, state.building(), writes))));
    }

    /** Applies the events to {@code schema} only: a rebuild replaying the log into it. */
    public Uni<Void> applyTo(String schema, List<LoggedEvent> events) {
        List<EventWrites> writes = events.stream().map(EventProjector::writes).toList();
        return pool.withTransaction(connection -> writer.apply(connection, schema, writes));
    }
}
