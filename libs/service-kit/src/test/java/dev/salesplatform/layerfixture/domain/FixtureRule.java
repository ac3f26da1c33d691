package dev.salesplatform.layerfixture.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.salesplatform.layerfixture.persistence.FixtureEntity;

/** Breaks both domain rules: a framework annotation, and a dependency on another layer. */
public record FixtureRule(@JsonProperty("limit") int limit) {

    public boolean allows(FixtureEntity entity) {
        return entity.name.length() <= limit;
    }
}
