package dev.salesplatform.layerfixture.api;

import dev.salesplatform.layerfixture.persistence.FixtureEntity;

/** Breaks "api never sees an entity". */
public class FixtureResource {

    public FixtureResponse get(FixtureEntity entity) {
        return new FixtureResponse(entity.name);
    }
}
