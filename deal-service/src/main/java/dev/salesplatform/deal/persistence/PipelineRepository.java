package dev.salesplatform.deal.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PipelineRepository implements PanacheRepositoryBase<Pipeline, UUID> {

    public Uni<Pipeline> findDefault() {
        return find("isDefault", true).firstResult();
    }

    public Uni<Pipeline> findByName(String name) {
        return find("name", name).firstResult();
    }

    public Uni<List<Pipeline>> all() {
        return find("order by name").list();
    }
}
