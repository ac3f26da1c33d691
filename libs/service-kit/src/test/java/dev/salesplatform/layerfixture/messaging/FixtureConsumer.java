package dev.salesplatform.layerfixture.messaging;

import dev.salesplatform.layerfixture.api.FixtureResource;

/** Breaks "consumers call services, not resources". */
public class FixtureConsumer {

    public Object consume(FixtureResource resource) {
        return resource.get(null);
    }
}
