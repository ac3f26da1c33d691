package dev.salesplatform.analytics.api;

import dev.salesplatform.analytics.service.RebuildView;

final class RebuildMapper {

    private RebuildMapper() {
    }

    static RebuildStatus status(RebuildView rebuild) {
        return new RebuildStatus(rebuild.state().name(), rebuild.id(), rebuild.startedAt(), rebuild.finishedAt(),
                rebuild.recordsTotal(), rebuild.recordsDone(), rebuild.recordsSkipped(), rebuild.skipReasons(),
                rebuild.activeSchema(), rebuild.error());
    }
}
