package dev.salesplatform.analytics.api;

import dev.salesplatform.analytics.service.TargetView;

final class TargetMapper {

    private TargetMapper() {
    }

    static TargetDto target(TargetView target) {
        return new TargetDto(target.repId(), target.period().toString(), target.metric(),
                target.value().toPlainString(), target.currency(), target.setBy(), target.setAt());
    }
}
