package dev.salesplatform.layerfixture.service;

import dev.salesplatform.layerfixture.api.FixtureResponse;

/** Breaks "service never depends on api". */
public class FixtureService {

    public FixtureResponse find() {
        return new FixtureResponse("x");
    }
}
