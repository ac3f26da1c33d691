package dev.salesplatform.layerfixture.api;

import dev.salesplatform.webhook.fixture.OtherServiceType;

/** Breaks "services share only the kit". */
public class FixtureMapper {

    public FixtureResponse map(OtherServiceType other) {
        return new FixtureResponse(other.name());
    }
}
