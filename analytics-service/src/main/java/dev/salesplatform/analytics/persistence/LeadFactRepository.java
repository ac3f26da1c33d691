package dev.salesplatform.analytics.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.salesplatform.analytics.domain.Period;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The lead projection: one row per lead created. */
@ApplicationScoped
public class LeadFactRepository {

    private static final String INSERT = "INSERT INTO lead_fact (lead_id, created_at, source, owner_id)"
            + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (lead_id) DO NOTHING";
    private static final String COUNT_CREATED = "SELECT count(*) FROM lead_fact WHERE created_at >= ?1 AND created_at < ?2"
            + " AND (CAST(?3 AS uuid) IS NULL OR owner_id = CAST(?3 AS uuid))"
            + " AND (CAST(?4 AS text) IS NULL OR source = CAST(?4 AS text))";

    public Uni<Void> recordCreated(UUID leadId, Instant createdAt, String source, UUID ownerId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter(1, leadId)
                .setParameter(2, OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC))
                .setParameter(3, source)
                .setParameter(4, ownerId)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Long> countCreated(Period period, UUID owner, String source) {
        return Panache.getSession().chain(session -> session.createNativeQuery(COUNT_CREATED, Long.class)
                .setParameter(1, OffsetDateTime.ofInstant(period.from(), ZoneOffset.UTC))
                .setParameter(2, OffsetDateTime.ofInstant(period.to(), ZoneOffset.UTC))
                .setParameter(3, owner == null ? null : owner.toString())
                .setParameter(4, source)
                .getSingleResult());
    }
}
