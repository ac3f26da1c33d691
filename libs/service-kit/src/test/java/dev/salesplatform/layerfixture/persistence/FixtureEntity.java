package dev.salesplatform.layerfixture.persistence;

import dev.salesplatform.layerfixture.service.FixtureService;

/** Breaks "persistence holds entities and repositories only". */
public class FixtureEntity {

    public String name;

    public String viaService(FixtureService service) {
        return service.find().name();
    }
}
